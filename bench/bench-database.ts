// The scaled database every layer runs against: found, migrated, and seeded when it must be.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { hashPassword } from "../packages/core/src/auth/password-hashing.ts";
import {
  createDatabase,
  databaseExists,
  dropDatabase,
  urlForDatabase,
} from "../packages/core/src/db/database-admin.ts";
import { startEmbeddedPostgres } from "../packages/core/src/db/embedded-postgres-server.ts";
import { migrateDatabase } from "../packages/core/src/db/migrations.ts";
import { describeDrift, schemaFromDatabase, schemaFromPrisma } from "../packages/core/src/db/schema-drift.ts";
import { DEMO_PASSWORD } from "../packages/core/src/seed/demo-people.ts";
import { seedScale } from "../packages/core/src/seed/scale/scale-seed.ts";
import { freePort } from "../packages/core/test/support/free-port.ts";
import { args, check, log, root, rounds, scale } from "./options.ts";

/** The database: DATABASE_URL's server, or an embedded PostgreSQL in a temporary directory. */
export async function openDatabase() {
  let serverUrl = process.env.DATABASE_URL;
  let stop = async () => {};
  if (!serverUrl) {
    // --keep: a data directory that survives the run, so the next run skips seeding.
    const dataDirectory = args.keep
      ? `${root}.data/bench-postgres`
      : mkdtempSync(join(tmpdir(), "pathfinder-bench-pg-"));
    const server = await startEmbeddedPostgres({ dataDirectory, port: await freePort(), persistent: args.keep });
    serverUrl = server.adminUrl;
    stop = async () => {
      await server.stop();
      if (!args.keep) rmSync(dataDirectory, { recursive: true, force: true });
    };
  }
  const name = args.database ?? `pathfinder_bench_s${scale.seed}_a${scale.authorities}_c${scale.cases}`;
  const url = urlForDatabase(serverUrl, name);
  if (args.database) {
    if (!(await databaseExists(serverUrl, name))) throw new Error(`--database ${name}: no such database`);
    await migrateDatabase(url);
    return { url, stop };
  }
  if (await databaseExists(serverUrl, name)) {
    // A kept database may predate migrations merged since; Postgrator does not apply a migration
    // numbered below one already applied, so a stale schema is rebuilt rather than patched.
    await migrateDatabase(url);
    const drift = describeDrift(await schemaFromPrisma(), await schemaFromDatabase(url)).filter(
      (problem) => !problem.includes("bench_"), // the harness's own helper tables
    );
    const awaiting = await awaitingDecisions(url);
    if (drift.length) {
      log(`The kept database's schema is out of date (${drift[0]}…): seeding it again.`);
      await dropDatabase(serverUrl, name);
    } else if (awaiting < approvalsNeeded()) {
      // Each run decides requests for good: earlier runs may have used up the queue.
      log(
        `The kept database has ${awaiting} requests awaiting a decision, fewer than a run decides: seeding it again.`,
      );
      await dropDatabase(serverUrl, name);
    }
  }
  if (!(await databaseExists(serverUrl, name))) {
    await createDatabase(serverUrl, name);
    await migrateDatabase(url);
    log(`Seeding ${JSON.stringify(scale)}…`);
    const seeded = await seedScale(url, {
      ...scale,
      areas: 6,
      caseload: 25,
      years: 2,
      passwordHash: await hashPassword(DEMO_PASSWORD),
    });
    log(`Seeded ${seeded.totalRows} rows in ${seeded.seconds.toFixed(1)} s (${seeded.rowsPerSecond} rows/s)`);
  } else log(`Reusing ${name} (approvals made by earlier runs are gone from its queue).`);
  return { url, stop };
}

/** Whether this run approves requests at all: not the check, a profile, or an --only without them. */
const approves = () => !check && !args.profile && (!args.only || args.only.split(",").includes("Approve"));

/** Requests a run decides at most: warm-ups, rounds and fixed rate for three layers, and L0's reserve. */
const approvalsNeeded = () => (approves() ? Number(args.approvals) * (rounds + 1) * 3 + 150 + 500 : 0);

async function awaitingDecisions(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      "SELECT count(*)::int AS n FROM purchase_request WHERE status = 'AWAITING_DECISION'",
    );
    return rows[0].n;
  } finally {
    await client.end();
  }
}
