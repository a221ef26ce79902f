// `npm run bench`: the four layers over one scaled database, interleaved. `npm run bench:check`:
// a short run comparing L3/L2 with the ratios recorded in bench/README.md. See bench/README.md.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
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
import { explainAll } from "./explain.ts";
import { autocannonLoad, closedLoopAmount, fixedRateLoad, type LoadResult, pgbenchLoad, wrkLoad } from "./load.ts";
import { bodyOf, type Fixture, type Operation, operations } from "./operations.ts";
import { summariseProfile } from "./profile-summary.ts";
import type { ServerStats } from "./servers/server-stats.ts";

const { values: args } = parseArgs({
  options: {
    check: { type: "boolean", default: false },
    authorities: { type: "string", default: "20" },
    cases: { type: "string", default: "40000" },
    seed: { type: "string", default: "1" },
    duration: { type: "string", default: "8" },
    rounds: { type: "string", default: "2" },
    connections: { type: "string", default: "16" },
    approvals: { type: "string", default: "400" },
    keep: { type: "boolean", default: false },
    // An existing database on DATABASE_URL's server, seeded elsewhere with the same --seed
    // (say by `npm run seed:scale`): used as it is, never seeded or dropped here.
    database: { type: "string" },
    // A CPU profile of one layer under one operation at saturation, instead of the comparison.
    profile: { type: "string" },
    // Only these operations (operationName, comma-separated), e.g. --only Spend at national scale.
    only: { type: "string" },
    layer: { type: "string", default: "L3" },
  },
});
const check = args.check;
const duration = check ? 5 : Number(args.duration);
const rounds = check ? 1 : Number(args.rounds);
const connections = Number(args.connections);
const scale = { authorities: Number(args.authorities), cases: Number(args.cases), seed: Number(args.seed) };
const log = (line: string) => console.log(`[bench] ${line}`);
const here = new URL(".", import.meta.url).pathname;
const root = new URL("..", import.meta.url).pathname;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The database: DATABASE_URL's server, or an embedded PostgreSQL in a temporary directory. */
async function openDatabase() {
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

/** Requests a run decides at most: warm-ups, rounds and fixed rate for three layers, and L0's reserve. */
const approvalsNeeded = () => (check ? 0 : Number(args.approvals) * (rounds + 1) * 3 + 150 + 500);

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

/** Sessions for the viewers, the pools of ids, and the helper table L0's approvals read. */
async function buildFixture(url: string): Promise<Fixture> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const s = scale.seed;
    const session = async (email: string) => {
      const token = randomBytes(32).toString("base64url");
      const hash = createHash("sha256").update(token).digest("hex");
      const { rows } = await client.query(
        `INSERT INTO session (authority_id, staff_user_id, token_hash, method, expires_at)
         SELECT authority_id, staff_user_id, $2, 'password', now() + interval '1 day' FROM staff_login WHERE email = $1
         RETURNING staff_user_id`,
        [email, hash],
      );
      return { token, hash, id: rows[0].staff_user_id as string };
    };
    const approver = await session(`approver0.a1.s${s}@scale.example`);
    const lead = await session(`lp0-0.a1.s${s}@scale.example`);
    const budgets = await session(`budgets.a1.s${s}@scale.example`);
    const { rows: authority } = await client.query(
      "SELECT a.id, ar.area_id AS area FROM staff_user u JOIN authority a ON a.id = u.authority_id JOIN role_assignment ar ON ar.authority_id = u.authority_id AND ar.staff_user_id = u.id WHERE u.id = $1 AND ar.role = 'APPROVER'",
      [approver.id],
    );
    const { rows: children } = await client.query(
      `SELECT cc.child_id FROM case_child cc JOIN case_record cr ON cr.id = cc.case_id
       WHERE cr.authority_id = $1 AND cr.area_id = $2 ORDER BY cc.child_id LIMIT 5000`,
      [authority[0].id, authority[0].area],
    );
    await client.query("DROP TABLE IF EXISTS bench_child");
    await client.query("CREATE TABLE bench_child (n int PRIMARY KEY, id uuid NOT NULL)");
    await client.query("INSERT INTO bench_child SELECT n, id FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n)", [
      children.map((row) => row.child_id),
    ]);
    // Every approver gets a session; every awaiting request is decided by its area's approver.
    await client.query("DROP TABLE IF EXISTS bench_awaiting");
    const approvers = await client.query(
      `SELECT u.id, u.email, ra.area_id FROM staff_user u JOIN role_assignment ra ON ra.staff_user_id = u.id
       WHERE ra.role = 'APPROVER' AND u.email LIKE '%.s${s}@scale.example'`,
    );
    const tokenOf = new Map<string, { token: string; hash: string; id: string }>();
    for (const row of approvers.rows) tokenOf.set(row.area_id, await session(row.email));
    const { rows: awaiting } = await client.query(
      `SELECT pr.id, pr.authority_id, cr.area_id FROM purchase_request pr JOIN case_record cr ON cr.id = pr.case_id
       WHERE pr.status = 'AWAITING_DECISION' ORDER BY md5(pr.id::text)`,
    );
    // L0 approves (and rolls back) requests the HTTP layers never decide: the last quarter.
    const reserved = awaiting.splice(awaiting.length - Math.min(500, Math.floor(awaiting.length / 4)));
    await client.query(
      "CREATE TABLE bench_awaiting (n int PRIMARY KEY, authority_id uuid, request_id uuid, approver_id uuid, areas text, token_hash text)",
    );
    await client.query(
      `INSERT INTO bench_awaiting SELECT n, a, r, v, '{' || ar || '}', h
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[]) WITH ORDINALITY AS t(a, r, v, ar, h, n)`,
      [
        reserved.map((row) => row.authority_id),
        reserved.map((row) => row.id),
        reserved.map((row) => tokenOf.get(row.area_id)?.id),
        reserved.map((row) => row.area_id),
        reserved.map((row) => tokenOf.get(row.area_id)?.hash),
      ],
    );
    const now = new Date();
    return {
      seed: s,
      authorityId: authority[0].id,
      approverAreas: `{${authority[0].area}}`,
      tokens: { approver: approver.token, lead: lead.token, budgets: budgets.token },
      tokenHashes: { approver: approver.hash, lead: lead.hash, budgets: budgets.hash },
      viewerIds: { approver: approver.id, lead: lead.id, budgets: budgets.id },
      childIds: children.map((row) => row.child_id),
      reservedForL0: reserved.length,
      awaiting: awaiting.map((row) => ({
        id: Buffer.from(`PurchaseRequest:${row.id}`).toString("base64"),
        token: tokenOf.get(row.area_id)?.token as string,
      })),
      year: (now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1) - 1,
    };
  } finally {
    await client.end();
  }
}

interface Layer {
  name: "L1" | "L2" | "L3";
  url: string;
  process: ChildProcess;
}

async function startLayer(
  name: Layer["name"],
  file: string,
  databaseUrl: string,
  nodeOptions: string[] = [],
): Promise<Layer> {
  const port = await freePort();
  // tsx as a loader in the server's own process (its CLI would add a parent process).
  const child = spawn(process.execPath, [...nodeOptions, "--expose-gc", "--import", "tsx", `${here}servers/${file}`], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, NODE_ENV: "production", POOL_SIZE: "10" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`${name} exited with ${code}`)));
  });
  return { name, url: `http://127.0.0.1:${port}`, process: child };
}

const stats = async (layer: Layer, reset = false): Promise<ServerStats> =>
  (await fetch(`${layer.url}/__stats`, { method: reset ? "POST" : "GET" })).json() as Promise<ServerStats>;

interface Measured extends LoadResult {
  layer: string;
  operation: string;
  mode: string;
  statementsPerRequest: number;
  roundTripsPerRequest: number;
  rssPeakMb: number;
  eventLoopLagP99Ms: number;
}

async function measure(
  layer: Layer,
  operation: Operation,
  fixture: Fixture,
  mode: string,
  load: { duration?: number; amount?: number; rate?: number; requests?: { id: string; token: string }[] },
): Promise<Measured> {
  let n = 0;
  const source = {
    next: () => {
      n += 1;
      if (load.requests) {
        const request = load.requests[(n - 1) % load.requests.length] as { id: string; token: string };
        return { token: request.token, body: bodyOf(operation, { id: request.id }) };
      }
      return { token: operation.token(fixture), body: bodyOf(operation, operation.variables(fixture, n)) };
    },
    ok: operation.ok,
  };
  await stats(layer, true);
  const result = load.rate
    ? await fixedRateLoad(layer.url, source, { ...load, rate: load.rate })
    : load.amount
      ? await closedLoopAmount(layer.url, source, { connections, amount: load.amount })
      : await autocannonLoad(layer.url, source, { connections, duration: load.duration ?? duration });
  const after = await stats(layer);
  return {
    ...result,
    layer: layer.name,
    operation: operation.name,
    mode,
    statementsPerRequest: after.requests ? after.statements / after.requests : Number.NaN,
    roundTripsPerRequest: after.requests ? after.roundTrips / after.requests : Number.NaN,
    rssPeakMb: after.rssPeakMb,
    eventLoopLagP99Ms: after.eventLoopLagP99Ms,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
};
const f1 = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "–");
const f2 = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : "–");

const serverFiles = { L1: "l1-node-http.ts", L2: "l2-yoga.ts", L3: "l3-pathfinder.ts" } as const;

/** `--profile <operation>`: one layer's CPU profile at saturation, summarised (profile-summary.ts). */
async function profile(name: string) {
  const operation = operations.find((o) => o.name === name || o.operationName === name);
  if (!operation || operation.write)
    throw new Error(`--profile takes a read: ${operations.map((o) => o.operationName)}`);
  const layerName = args.layer as Layer["name"];
  const database = await openDatabase();
  const directory = `${here}results/profiles`;
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  let layer: Layer | undefined;
  try {
    const fixture = await buildFixture(database.url);
    layer = await startLayer(layerName, serverFiles[layerName], database.url, [
      "--cpu-prof",
      `--cpu-prof-dir=${directory}`,
    ]);
    await measure(layer, operation, fixture, "warm-up", { duration: 2 });
    const measured = await measure(layer, operation, fixture, "saturation", { duration });
    log(
      `${operation.name} ${layerName}: ${f1(measured.rps)} req/s, p99 ${f1(measured.p99)} ms, errors ${measured.errors}`,
    );
    // What one request sends, with the profile: the SQL is half of where the time goes.
    await measure(layer, operation, fixture, "one request", { rate: 1, amount: 1 });
    const { recent, roundTrips } = await stats(layer);
    for (const { text, values } of recent.slice(-roundTrips))
      log(`SQL ${text.replace(/\s+/g, " ")} -- ${JSON.stringify(values)}`);
    const exited = new Promise((resolve) => layer?.process.once("exit", resolve));
    layer.process.kill("SIGTERM");
    await exited;
    layer = undefined;
  } finally {
    layer?.process.kill("SIGTERM");
    await database.stop();
  }
  const [written] = readdirSync(directory);
  if (!written) throw new Error("The server wrote no profile");
  log(`Profile: ${directory}/${written} (open it in Chrome DevTools' Performance panel)`);
  console.log(summariseProfile(`${directory}/${written}`));
}

async function main() {
  if (args.profile) return profile(args.profile);
  const database = await openDatabase();
  const layers: Layer[] = [];
  try {
    const fixture = await buildFixture(database.url);
    log(`Fixture: ${fixture.childIds.length} children, ${fixture.awaiting.length} requests awaiting a decision`);
    for (const name of ["L1", "L2", "L3"] as const)
      layers.push(await startLayer(name, serverFiles[name], database.url));
    // Memory kept (after a full collection) once started and at the end: growth would be a leak.
    const heap = async () =>
      Object.fromEntries(await Promise.all(layers.map(async (l) => [l.name, (await stats(l)).heapAfterGcMb])));
    const heapAtStart = await heap();
    const results: Measured[] = [];
    const l0: { operation: string; tps: number; latencyAvgMs: number; errors: number }[] = [];
    const wrk: { layer: string; operation: string; rps: number; p50: number; p99: number; errors: number }[] = [];
    const only = args.only?.split(",");
    const selected = operations.filter(
      (operation) =>
        (!check || (!operation.write && operation.inL3)) && (!only || only.includes(operation.operationName)),
    );
    let approvalCursor = 0;
    const nextApprovals = (count: number) => {
      const slice = fixture.awaiting.slice(approvalCursor, approvalCursor + count);
      approvalCursor += count;
      if (slice.length < count) throw new Error("Not enough requests awaiting a decision: seed more cases");
      return slice;
    };

    for (const operation of selected) {
      const present = layers.filter((layer) => operation.inL3 || layer.name !== "L3");
      // Warm-up (discarded): JIT, plan caches, connection pools.
      for (const layer of present)
        if (operation.write)
          await measure(layer, operation, fixture, "warm-up", { amount: 50, requests: nextApprovals(50) });
        else await measure(layer, operation, fixture, "warm-up", { duration: 2 });
      // Interleaved rounds, each starting at a different layer.
      for (let round = 0; round < rounds; round += 1) {
        for (let i = 0; i < present.length; i += 1) {
          const layer = present[(i + round) % present.length] as Layer;
          const load = operation.write
            ? { amount: Number(args.approvals), requests: nextApprovals(Number(args.approvals)) }
            : { duration };
          const measured = await measure(layer, operation, fixture, "saturation", load);
          results.push(measured);
          log(
            `${operation.name} ${layer.name} saturation: ${f1(measured.rps)} req/s, p99 ${f1(measured.p99)} ms, errors ${measured.errors}`,
          );
        }
        if (!check) {
          const { script, defines } = operation.pgbench(fixture);
          const run = await pgbenchLoad(database.url, script, defines, connections, duration);
          l0.push({ operation: operation.name, ...run });
          log(`${operation.name} L0 pgbench: ${f1(run.tps)} tps, avg ${f2(run.latencyAvgMs)} ms`);
        }
      }
      if (check) continue;
      // Fixed rate at half of each layer's own saturation throughput.
      for (const layer of present) {
        const saturated = median(
          results
            .filter((r) => r.layer === layer.name && r.operation === operation.name && r.mode === "saturation")
            .map((r) => r.rps),
        );
        const rate = Math.max(1, Math.floor(saturated / 2));
        const load = operation.write
          ? {
              rate,
              amount: Math.min(Number(args.approvals), rate * duration),
              requests: nextApprovals(Math.min(Number(args.approvals), rate * duration)),
            }
          : { rate, duration };
        const measured = await measure(layer, operation, fixture, `fixed ${rate}/s`, load);
        results.push(measured);
        log(
          `${operation.name} ${layer.name} at ${rate}/s: p50 ${f1(measured.p50)} p95 ${f1(measured.p95)} p99 ${f1(measured.p99)} ms, errors ${measured.errors}`,
        );
      }
      if (!operation.write && hasWrk()) {
        for (const layer of present) {
          const result = await wrkLoad(
            layer.url,
            operation.token(fixture),
            bodyOf(operation, operation.variables(fixture, 1)),
            connections,
            duration,
          );
          wrk.push({ layer: layer.name, operation: operation.name, ...result });
          log(
            `${operation.name} ${layer.name} wrk (one fixed request): ${f1(result.rps)} req/s, p99 ${f1(result.p99)} ms`,
          );
        }
      }
    }
    const explains = check
      ? []
      : await explainAll(database.url, fixture, layers.find((l) => l.name === "L3") as Layer, selected);
    report({ results, l0, wrk, explains, fixture, heap: { start: heapAtStart, end: await heap() } });
  } finally {
    for (const layer of layers) layer.process.kill("SIGTERM");
    await database.stop();
  }
}

/** wrk is optional (Debian's package): used when installed. */
function hasWrk() {
  const { error } = spawnSync("wrk", ["--version"]);
  return !error;
}

/** The L3/L2 ratios recorded in bench/README.md (a JSON comment the check reads). */
function recordedRatios(): Record<string, number> {
  const readme = readFileSync(`${here}README.md`, "utf8");
  const match = /<!-- bench:l3-l2-ratios (\{.*\}) -->/.exec(readme);
  return match?.[1] ? JSON.parse(match[1]) : {};
}

function report(data: {
  results: Measured[];
  l0: { operation: string; tps: number; latencyAvgMs: number; errors: number }[];
  wrk: { layer: string; operation: string; rps: number; p50: number; p99: number; errors: number }[];
  explains: Awaited<ReturnType<typeof explainAll>>;
  fixture: Fixture;
  heap: { start: Record<string, number>; end: Record<string, number> };
}) {
  const lines: string[] = [];
  const saturation = (operation: string, layer: string) =>
    data.results.filter((r) => r.operation === operation && r.layer === layer && r.mode === "saturation");
  const ratios: Record<string, number> = {};
  lines.push(`# Benchmark run ${new Date().toISOString()}`, "");
  lines.push(
    `Machine: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}; scale ${JSON.stringify(scale)}; ${connections} connections; ${duration} s × ${rounds} rounds.`,
    "",
  );
  lines.push("## Saturation (median of rounds)", "");
  lines.push(
    "| operation | L0 pgbench tps | L1 req/s | L2 req/s | L3 req/s | L3/L2 | L3/L1 | L2/L1 | L3 p99 ms | L3 SQL/req | L3 round trips/req | L2 SQL/req | L3 RSS MB | L3 loop lag p99 ms | errors |",
  );
  lines.push("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const operation of new Set(data.results.map((r) => r.operation))) {
    const rps = (layer: string) => median(saturation(operation, layer).map((r) => r.rps));
    const l3 = saturation(operation, "L3");
    const l2 = saturation(operation, "L2");
    const ratio = rps("L3") / rps("L2");
    if (Number.isFinite(ratio)) ratios[operation] = Number(ratio.toFixed(3));
    const errors = data.results
      .filter((r) => r.operation === operation && r.mode === "saturation")
      .reduce((sum, r) => sum + r.errors, 0);
    lines.push(
      `| ${operation} | ${f1(median(data.l0.filter((r) => r.operation === operation).map((r) => r.tps)))} | ${f1(rps("L1"))} | ${f1(rps("L2"))} | ${f1(rps("L3"))} | ${f2(ratio)} | ${f2(rps("L3") / rps("L1"))} | ${f2(rps("L2") / rps("L1"))} | ${f1(median(l3.map((r) => r.p99)))} | ${f1(median(l3.map((r) => r.statementsPerRequest)))} | ${f1(median(l3.map((r) => r.roundTripsPerRequest)))} | ${f1(median(l2.map((r) => r.statementsPerRequest)))} | ${Math.max(0, ...l3.map((r) => r.rssPeakMb))} | ${f1(median(l3.map((r) => r.eventLoopLagP99Ms)))} | ${errors} |`,
    );
  }
  const fixed = data.results.filter((r) => r.mode.startsWith("fixed"));
  if (fixed.length) {
    lines.push("", "## Fixed rate (half of each layer's saturation)", "");
    lines.push(
      "| operation | layer | rate | achieved req/s | p50 ms | p95 ms | p99 ms | errors | SQL/req | round trips/req | RSS MB | loop lag p99 ms |",
    );
    lines.push("|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (const r of fixed)
      lines.push(
        `| ${r.operation} | ${r.layer} | ${r.mode} | ${f1(r.rps)} | ${f1(r.p50)} | ${f1(r.p95)} | ${f1(r.p99)} | ${r.errors} | ${f1(r.statementsPerRequest)} | ${f1(r.roundTripsPerRequest)} | ${r.rssPeakMb} | ${f1(r.eventLoopLagP99Ms)} |`,
      );
  }
  if (data.wrk.length) {
    lines.push("", "## wrk (one fixed request per operation, saturation)", "");
    lines.push("| operation | layer | req/s | p50 ms | p99 ms | non-2xx |", "|---|---|---|---|---|---|");
    for (const r of data.wrk)
      lines.push(`| ${r.operation} | ${r.layer} | ${f1(r.rps)} | ${f2(r.p50)} | ${f2(r.p99)} | ${r.errors} |`);
  }
  if (data.explains.length) {
    lines.push("", "## EXPLAIN (ANALYZE, BUFFERS): execution time of L0's SQL and of the SQL L3 emitted", "");
    lines.push(
      "| operation | L0 ms | L3 ms (sum of its statements) | L3/L0 | L0 buffers hit/read | L3 buffers hit/read |",
      "|---|---|---|---|---|---|",
    );
    for (const e of data.explains)
      lines.push(
        `| ${e.operation} | ${f2(e.l0Ms)} | ${f2(e.l3Ms)} | ${f2(e.l3Ms / e.l0Ms)} | ${e.l0Buffers} | ${e.l3Buffers} |`,
      );
  }
  lines.push("", "## Memory: heap in use after a full collection, MB (peak RSS is in the tables above)", "");
  lines.push("| layer | once started | after the run |", "|---|---|---|");
  for (const layer of Object.keys(data.heap.start))
    lines.push(`| ${layer} | ${data.heap.start[layer]} | ${data.heap.end[layer]} |`);
  lines.push("", `<!-- bench:l3-l2-ratios ${JSON.stringify(ratios)} -->`);
  const text = lines.join("\n");
  console.log(`\n${text}\n`);
  mkdirSync(`${here}results`, { recursive: true });
  writeFileSync(`${here}results/${check ? "check" : "latest"}.md`, `${text}\n`);
  writeFileSync(`${here}results/${check ? "check" : "latest"}.json`, JSON.stringify({ scale, ...data }, null, 2));
  if (check) {
    const recorded = recordedRatios();
    let fell = false;
    for (const [operation, ratio] of Object.entries(ratios)) {
      const baseline = recorded[operation];
      if (baseline === undefined) {
        log(`${operation}: L3/L2 ${ratio} (no recorded ratio)`);
        continue;
      }
      const drop = 1 - ratio / baseline;
      const verdict = drop > 0.1 ? "FELL more than 10% below" : "within 10% of";
      if (drop > 0.1) fell = true;
      log(`${operation}: L3/L2 ${ratio} ${verdict} the recorded ${baseline}`);
    }
    const failing = data.results.filter((r) => r.errors > 0);
    for (const r of failing) log(`${r.operation} ${r.layer}: ${r.errors} errors: the comparison is void`);
    checkFailed = fell || failing.length > 0;
  }
}

let checkFailed = false;

await main();
process.exit(checkFailed ? 1 : 0);
