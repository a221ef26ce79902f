// `npm run bench`: the four layers over one scaled database, interleaved. `npm run bench:check`:
// a short run comparing L3/L2 with the ratios recorded in bench/README.md. See bench/README.md.
import { spawnSync } from "node:child_process";
import { checkOutBase } from "./base-checkout.ts";
import { openDatabase } from "./bench-database.ts";
import { profile } from "./cpu-profile.ts";
import { explainAll } from "./explain.ts";
import { f1, f2, median } from "./figures.ts";
import { buildFixture } from "./fixture.ts";
import { type Layer, type Measured, measure, startLayer, stats } from "./layers.ts";
import { pgbenchLoad, wrkLoad } from "./load.ts";
import { bodyOf, type Fixture, type Operation, operations } from "./operations.ts";
import { args, check, connections, duration, log, rounds } from "./options.ts";
import { type RunData, report } from "./report.ts";

/** What one comparison run has: the database, the fixture, the servers, and what was measured. */
interface Run {
  url: string;
  fixture: Fixture;
  layers: Layer[];
  data: Pick<RunData, "results" | "l0" | "wrk">;
  /** Requests awaiting a decision, each handed out once: an approval cannot be measured twice. */
  nextApprovals(count: number): { id: string; token: string }[];
}

const approvalsPerRound = () => Number(args.approvals);

/**
 * The order of the layers in one round: each round starts at a different layer, and L3 and
 * L3 base swap places every other round. Whichever of two adjacent runs comes second measured
 * up to 20% lower (two runs of the same code, 2026-11-24), so neither may always be second.
 */
function roundOrder(present: Layer[], round: number): Layer[] {
  const order = [...present];
  const l3 = order.findIndex((layer) => layer.name === "L3");
  const base = order.findIndex((layer) => layer.name === "L3 base");
  if (round % 2 === 1 && l3 >= 0 && base >= 0) [order[l3], order[base]] = [order[base] as Layer, order[l3] as Layer];
  return order.map((_, i) => order[(i + round) % order.length] as Layer);
}

/** Interleaved rounds at saturation (roundOrder), each followed by L0. */
async function saturationRounds(run: Run, operation: Operation, present: Layer[]) {
  for (let round = 0; round < rounds; round += 1) {
    for (const layer of roundOrder(present, round)) {
      const load = operation.write
        ? { amount: approvalsPerRound(), requests: run.nextApprovals(approvalsPerRound()) }
        : { duration };
      const measured = await measure(layer, operation, run.fixture, "saturation", load);
      run.data.results.push(measured);
      log(
        `${operation.name} ${layer.name} saturation: ${f1(measured.rps)} req/s, p99 ${f1(measured.p99)} ms, errors ${measured.errors}`,
      );
    }
    if (check) continue;
    const { script, defines } = operation.pgbench(run.fixture);
    const l0 = await pgbenchLoad(run.url, script, defines, connections, duration);
    run.data.l0.push({ operation: operation.name, ...l0 });
    log(`${operation.name} L0 pgbench: ${f1(l0.tps)} tps, avg ${f2(l0.latencyAvgMs)} ms`);
  }
}

/** Seconds each layer runs at its fixed rate, discarded, before its measured run. */
const FIXED_RATE_WARM_UP_S = 3;

/** Each layer at a fixed rate of half its own saturation throughput (open loop: load.ts). */
async function fixedRateRuns(run: Run, operation: Operation, present: Layer[]) {
  for (const layer of present) {
    const saturated = median(
      run.data.results
        .filter((r) => r.layer === layer.name && r.operation === operation.name && r.mode === "saturation")
        .map((r) => r.rps),
    );
    const rate = Math.max(1, Math.floor(saturated / 2));
    // A layer sat idle while the others were measured, and its first seconds back at a rate
    // have a longer tail than the seconds after them (README, "Connections kept through a
    // pause"): that is a warm-up, not the steady state the p99 target is about, so it is
    // discarded like the warm-up at saturation. Reads only: each approval is decided once.
    if (!operation.write)
      await measure(layer, operation, run.fixture, "warm-up", { rate, duration: FIXED_RATE_WARM_UP_S });
    const amount = Math.min(approvalsPerRound(), rate * duration);
    const load = operation.write ? { rate, amount, requests: run.nextApprovals(amount) } : { rate, duration };
    const measured: Measured = await measure(layer, operation, run.fixture, `fixed ${rate}/s`, load);
    run.data.results.push(measured);
    log(
      `${operation.name} ${layer.name} at ${rate}/s: p50 ${f1(measured.p50)} p95 ${f1(measured.p95)} p99 ${f1(measured.p99)} ms, errors ${measured.errors}`,
    );
  }
}

/** wrk is optional (Debian's package): used when installed. */
function hasWrk() {
  const { error } = spawnSync("wrk", ["--version"]);
  return !error;
}

/** Each layer at saturation under wrk, with one fixed request (a second load generator's view). */
async function wrkRuns(run: Run, operation: Operation, present: Layer[]) {
  for (const layer of present) {
    const body = bodyOf(operation, operation.variables(run.fixture, 1));
    const result = await wrkLoad(layer.url, operation.token(run.fixture), body, connections, duration);
    run.data.wrk.push({ layer: layer.name, operation: operation.name, ...result });
    log(`${operation.name} ${layer.name} wrk (one fixed request): ${f1(result.rps)} req/s, p99 ${f1(result.p99)} ms`);
  }
}

async function measureOperation(run: Run, operation: Operation) {
  const present = run.layers.filter((layer) => operation.inL3 || !layer.name.startsWith("L3"));
  // Warm-up (discarded): JIT, plan caches, connection pools.
  for (const layer of present)
    if (operation.write)
      await measure(layer, operation, run.fixture, "warm-up", { amount: 50, requests: run.nextApprovals(50) });
    else await measure(layer, operation, run.fixture, "warm-up", { duration: 2 });
  await saturationRounds(run, operation, present);
  if (check) return;
  await fixedRateRuns(run, operation, present);
  if (!operation.write && hasWrk()) await wrkRuns(run, operation, present);
}

/** The operations this run measures: --only's, and for bench:check only the reads L3 serves. */
function selectedOperations(): Operation[] {
  const only = args.only?.split(",");
  return operations.filter(
    (operation) =>
      (!check || (!operation.write && operation.inL3)) && (!only || only.includes(operation.operationName)),
  );
}

/** True when bench:check finds a ratio fallen (or errors): the exit code says so. */
async function main(): Promise<boolean> {
  if (args.profile) {
    await profile(args.profile);
    return false;
  }
  const database = await openDatabase();
  const layers: Layer[] = [];
  let base: ReturnType<typeof checkOutBase> | undefined;
  try {
    base = args.against ? checkOutBase(args.against) : undefined;
    const fixture = await buildFixture(database.url);
    log(`Fixture: ${fixture.childIds.length} children, ${fixture.awaiting.length} requests awaiting a decision`);
    for (const name of ["L1", "L2", "L3"] as const) layers.push(await startLayer(name, database.url));
    if (base) layers.push(await startLayer("L3 base", database.url, { bench: `${base.directory}/bench/` }));
    // Memory kept (after a full collection) once started and at the end: growth would be a leak.
    const heap = async () =>
      Object.fromEntries(await Promise.all(layers.map(async (l) => [l.name, (await stats(l)).heapAfterGcMb])));
    const heapAtStart = await heap();
    let approvalCursor = 0;
    const run: Run = {
      url: database.url,
      fixture,
      layers,
      data: { results: [], l0: [], wrk: [] },
      nextApprovals(count) {
        const slice = fixture.awaiting.slice(approvalCursor, approvalCursor + count);
        approvalCursor += count;
        if (slice.length < count) throw new Error("Not enough requests awaiting a decision: seed more cases");
        return slice;
      },
    };
    const selected = selectedOperations();
    for (const operation of selected) await measureOperation(run, operation);
    const l3 = layers.find((l) => l.name === "L3") as Layer;
    const explains = check ? [] : await explainAll(database.url, fixture, l3, selected);
    return report({ ...run.data, explains, fixture, heap: { start: heapAtStart, end: await heap() } });
  } finally {
    for (const layer of layers) layer.process.kill("SIGTERM");
    await database.stop();
    base?.remove();
  }
}

process.exit((await main()) ? 1 : 0);
