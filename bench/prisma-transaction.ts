// What Prisma itself costs a request: the CPU time, in this process, of the transaction every
// GraphQL request runs (set the request's context, one primary-key read, commit) through raw pg
// and through Prisma, with and without a transaction and with Pathfinder's client extensions.
// Ratios against raw pg in the same run, never absolute times (rule 6). Takes the same database
// options as `npm run bench`:
//   npx tsx bench/prisma-transaction.ts --keep --authorities 20 --cases 20000
import { createCaslExtension } from "@casl/prisma/runtime";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { createPrismaClient, inOneTransaction } from "../packages/core/src/db/prisma-client.ts";
import { PrismaClient } from "../packages/core/src/generated/prisma/client.ts";
import { openDatabase } from "./bench-database.ts";
import { median } from "./figures.ts";

const CONCURRENCY = 10;
const ITERATIONS = 2000;
const ROUNDS = 5;

const database = await openDatabase();
const pool = new pg.Pool({ connectionString: database.url, max: CONCURRENCY });
const { rows } = await pool.query<{ id: string }>("SELECT id FROM staff_user ORDER BY id LIMIT 1");
const id = (rows[0] as { id: string }).id;
const plain = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
const withCasl = plain.$extends(createCaslExtension());
const pathfinders = createPrismaClient(database.url);
const select = { id: true, name: true, email: true };
// Each client's transaction has a type of its own; the two calls are the same on all of them.
type Client = Pick<typeof plain, "$queryRaw" | "staffUser">;
const viaPrisma = async (db: unknown) => {
  const client = db as Client;
  await client.$queryRaw`SELECT set_config('app.bench', ${id}, true)`;
  await client.staffUser.findUnique({ where: { id }, select });
};

const variants: Record<string, () => Promise<unknown>> = {
  "raw pg, in a transaction": async () => {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT set_config('app.bench', $1, true)", [id]);
      await client.query("SELECT id, name, email FROM staff_user WHERE id = $1", [id]);
      await client.query("COMMIT");
    } finally {
      client.release();
    }
  },
  "Prisma, no transaction": () => viaPrisma(plain),
  "Prisma, interactive transaction": () => plain.$transaction((tx) => viaPrisma(tx)),
  "Prisma + CASL's extension, transaction": () => withCasl.$transaction((tx) => viaPrisma(tx)),
  "Pathfinder's client (both extensions, BEGIN sent with the first statement), interactive transaction": () =>
    pathfinders.$transaction((tx) => viaPrisma(tx)),
  "Pathfinder's client on the request's connection, as a request runs (db/request-connection.ts)": () =>
    inOneTransaction(pathfinders, viaPrisma),
};

/** CPU ms per iteration, CONCURRENCY at a time, as a server's requests would be. */
async function cpuPerIteration(work: () => Promise<unknown>, iterations: number) {
  const start = process.cpuUsage();
  let started = 0;
  const worker = async () => {
    while (started++ < iterations) await work();
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / iterations;
}

for (const work of Object.values(variants)) await cpuPerIteration(work, 500);
const samples = new Map<string, number[]>();
for (let round = 0; round < ROUNDS; round++)
  for (const [name, work] of Object.entries(variants))
    samples.set(name, [...(samples.get(name) ?? []), await cpuPerIteration(work, ITERATIONS)]);
const baseline = median(samples.get("raw pg, in a transaction") as number[]);
console.log("| variant | CPU ms per request (median of 5) | against raw pg |\n| --- | --- | --- |");
for (const [name, cpu] of samples)
  console.log(`| ${name} | ${median(cpu).toFixed(3)} | ${(median(cpu) / baseline).toFixed(1)}× |`);
await Promise.all([pool.end(), plain.$disconnect(), pathfinders.$disconnect()]);
await database.stop();
