// A run's tables (bench/results/latest.md and .json) and, for bench:check, the verdict against
// the ratios recorded in bench/README.md.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import type { explainAll } from "./explain.ts";
import { f1, f2, median } from "./figures.ts";
import type { Measured } from "./layers.ts";
import type { Fixture } from "./operations.ts";
import { check, connections, duration, here, log, rounds, scale } from "./options.ts";

export interface RunData {
  results: Measured[];
  l0: { operation: string; tps: number; latencyAvgMs: number; errors: number }[];
  wrk: { layer: string; operation: string; rps: number; p50: number; p99: number; errors: number }[];
  explains: Awaited<ReturnType<typeof explainAll>>;
  fixture: Fixture;
  heap: { start: Record<string, number>; end: Record<string, number> };
}

type Ratios = Record<string, number>;
const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
const table = (headers: string[], rows: string[]) => [row(headers), row(headers.map(() => "---")), ...rows];

/**
 * The saturation table, each operation's L3/L2 (what bench:check and the README record), and,
 * with `--against`, the base checkout's L3/L2 from the same run.
 */
function saturationTable(data: RunData): { lines: string[]; ratios: Ratios; baseRatios: Ratios } {
  const ratios: Ratios = {};
  const baseRatios: Ratios = {};
  const rows: string[] = [];
  const withBase = data.results.some((r) => r.layer === "L3 base");
  for (const operation of new Set(data.results.map((r) => r.operation))) {
    const at = (layer: string) =>
      data.results.filter((r) => r.operation === operation && r.layer === layer && r.mode === "saturation");
    const rps = (layer: string) => median(at(layer).map((r) => r.rps));
    const l3 = at("L3");
    const ratio = rps("L3") / rps("L2");
    const baseRatio = rps("L3 base") / rps("L2");
    if (Number.isFinite(ratio)) ratios[operation] = Number(ratio.toFixed(3));
    if (Number.isFinite(baseRatio)) baseRatios[operation] = Number(baseRatio.toFixed(3));
    const errors = ["L1", "L2", "L3", "L3 base"].flatMap(at).reduce((sum, r) => sum + r.errors, 0);
    const l0 = median(data.l0.filter((r) => r.operation === operation).map((r) => r.tps));
    const ofL3 = (pick: (r: Measured) => number) => f1(median(l3.map(pick)));
    rows.push(
      row([
        operation,
        f1(l0),
        f1(rps("L1")),
        f1(rps("L2")),
        f1(rps("L3")),
        f2(ratio),
        ...(withBase ? [f1(rps("L3 base")), f2(baseRatio)] : []),
        f2(rps("L3") / rps("L1")),
        f2(rps("L2") / rps("L1")),
        ofL3((r) => r.p99),
        ofL3((r) => r.statementsPerRequest),
        ofL3((r) => r.roundTripsPerRequest),
        f1(median(at("L2").map((r) => r.statementsPerRequest))),
        Math.max(0, ...l3.map((r) => r.rssPeakMb)),
        ofL3((r) => r.eventLoopLagP99Ms),
        f2(median(at("L2").map((r) => r.cpuMsPerRequest))),
        f2(median(l3.map((r) => r.cpuMsPerRequest))),
        errors,
      ]),
    );
  }
  const headers = ["operation", "L0 pgbench tps", "L1 req/s", "L2 req/s", "L3 req/s", "L3/L2"];
  if (withBase) headers.push("L3 base req/s", "L3 base/L2");
  headers.push("L3/L1", "L2/L1", "L3 p99 ms", "L3 SQL/req", "L3 round trips/req", "L2 SQL/req", "L3 RSS MB");
  headers.push("L3 loop lag p99 ms", "L2 CPU ms/req", "L3 CPU ms/req", "errors");
  return { lines: ["## Saturation (median of rounds)", "", ...table(headers, rows)], ratios, baseRatios };
}

function fixedRateTable(results: Measured[]): string[] {
  const fixed = results.filter((r) => r.mode.startsWith("fixed"));
  if (!fixed.length) return [];
  const headers = ["operation", "layer", "rate", "achieved req/s", "p50 ms", "p95 ms", "p99 ms", "errors"];
  headers.push("SQL/req", "round trips/req", "RSS MB", "loop lag p99 ms", "CPU ms/req");
  const rows = fixed.map((r) =>
    row([
      r.operation,
      r.layer,
      r.mode,
      f1(r.rps),
      f1(r.p50),
      f1(r.p95),
      f1(r.p99),
      r.errors,
      f1(r.statementsPerRequest),
      f1(r.roundTripsPerRequest),
      r.rssPeakMb,
      f1(r.eventLoopLagP99Ms),
      f2(r.cpuMsPerRequest),
    ]),
  );
  return ["## Fixed rate (half of each layer's saturation)", "", ...table(headers, rows)];
}

function wrkTable(wrk: RunData["wrk"]): string[] {
  if (!wrk.length) return [];
  const rows = wrk.map((r) => row([r.operation, r.layer, f1(r.rps), f2(r.p50), f2(r.p99), r.errors]));
  const headers = ["operation", "layer", "req/s", "p50 ms", "p99 ms", "non-2xx"];
  return ["## wrk (one fixed request per operation, saturation)", "", ...table(headers, rows)];
}

function explainTable(explains: RunData["explains"]): string[] {
  if (!explains.length) return [];
  const rows = explains.map((e) =>
    row([e.operation, f2(e.l0Ms), f2(e.l3Ms), f2(e.l3Ms / e.l0Ms), e.l0Buffers, e.l3Buffers]),
  );
  const headers = ["operation", "L0 ms", "L3 ms (sum of its statements)", "L3/L0", "L0 buffers hit/read"];
  return [
    "## EXPLAIN (ANALYZE, BUFFERS): execution time of L0's SQL and of the SQL L3 emitted",
    "",
    ...table([...headers, "L3 buffers hit/read"], rows),
  ];
}

function heapTable(heap: RunData["heap"]): string[] {
  const rows = Object.keys(heap.start).map((layer) => row([layer, heap.start[layer] ?? "–", heap.end[layer] ?? "–"]));
  return [
    "## Memory: heap in use after a full collection, MB (peak RSS is in the tables above)",
    "",
    ...table(["layer", "once started", "after the run"], rows),
  ];
}

/** The L3/L2 ratios recorded in bench/README.md (a JSON comment the check reads). */
function recordedRatios(): Ratios {
  const readme = readFileSync(`${here}README.md`, "utf8");
  const match = /<!-- bench:l3-l2-ratios (\{.*\}) -->/.exec(readme);
  return match?.[1] ? JSON.parse(match[1]) : {};
}

/**
 * bench:check's verdict: true when a ratio fell more than 10% below its baseline (the base
 * checkout's, measured in this run, or else the one recorded in the README), or a request failed.
 */
function fellBelowBaseline(ratios: Ratios, baseline: { ratios: Ratios; what: string }, results: Measured[]) {
  let fell = false;
  for (const [operation, ratio] of Object.entries(ratios)) {
    const expected = baseline.ratios[operation];
    if (expected === undefined) {
      log(`${operation}: L3/L2 ${ratio} (no ${baseline.what} ratio)`);
      continue;
    }
    const drop = 1 - ratio / expected;
    if (drop > 0.1) fell = true;
    const verdict = drop > 0.1 ? "FELL more than 10% below" : "within 10% of";
    log(`${operation}: L3/L2 ${ratio} ${verdict} the ${baseline.what} ${expected}`);
  }
  const failing = results.filter((r) => r.errors > 0);
  for (const r of failing) log(`${r.operation} ${r.layer}: ${r.errors} errors: the comparison is void`);
  return fell || failing.length > 0;
}

/** Prints and writes the run's report; for bench:check, returns true when the check fails. */
export function report(data: RunData): boolean {
  const machine = `${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}`;
  const saturation = saturationTable(data);
  const sections = [
    [`# Benchmark run ${new Date().toISOString()}`],
    [
      `Machine: ${machine}; scale ${JSON.stringify(scale)}; ${connections} connections; ${duration} s × ${rounds} rounds.`,
    ],
    saturation.lines,
    fixedRateTable(data.results),
    wrkTable(data.wrk),
    explainTable(data.explains),
    heapTable(data.heap),
    [`<!-- bench:l3-l2-ratios ${JSON.stringify(saturation.ratios)} -->`],
  ];
  const text = sections
    .filter((section) => section.length)
    .map((section) => section.join("\n"))
    .join("\n\n");
  console.log(`\n${text}\n`);
  const name = check ? "check" : "latest";
  mkdirSync(`${here}results`, { recursive: true });
  writeFileSync(`${here}results/${name}.md`, `${text}\n`);
  writeFileSync(`${here}results/${name}.json`, JSON.stringify({ scale, ...data }, null, 2));
  if (!check) return false;
  const against = Object.keys(saturation.baseRatios).length > 0;
  const baseline = against
    ? { ratios: saturation.baseRatios, what: "base checkout's (same run)" }
    : { ratios: recordedRatios(), what: "recorded" };
  return fellBelowBaseline(saturation.ratios, baseline, data.results);
}
