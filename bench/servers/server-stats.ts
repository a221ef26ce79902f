// What every benchmarked server reports about itself on GET /__stats (and resets with
// POST /__stats): SQL statements and round trips, requests served, peak memory, event-loop lag.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { STATEMENT_SEPARATOR } from "../../packages/core/src/db/begin-with-first-statement.ts";
import { createConnectionPool } from "../../packages/core/src/db/connection-pool.ts";

export interface ServerStats {
  requests: number;
  /** SQL statements: a message may carry several (Pathfinder sends BEGIN with the next one). */
  statements: number;
  /** Messages sent, each waiting for its answer. */
  roundTrips: number;
  rssPeakMb: number;
  eventLoopLagP99Ms: number;
  eventLoopLagMaxMs: number;
  /** CPU time (user and system) the server's process spent since the last reset, in ms. */
  cpuMs: number;
  /** The heap still in use after a full collection (servers run with --expose-gc): what is kept, not garbage. */
  heapAfterGcMb: number;
  /** The last few messages with their values, for EXPLAIN. */
  recent: { text: string; values: unknown[] }[];
}

type Counters = { statements: number; roundTrips: number; recent: { text: string; values: unknown[] }[] };

/**
 * A pg pool whose every message, and every SQL statement in it (BEGIN/COMMIT included), is
 * counted where it reaches a connection. Register it before anything else wraps the pool's
 * connections (createPrismaClient does), so it sees what is really sent.
 */
export function countingPool(connectionString: string, max: number) {
  const counters: Counters = { statements: 0, roundTrips: 0, recent: [] };
  // Pathfinder's own pool settings, in every layer: connections kept through a pause (a layer
  // whose connections closed while the others ran would start its next measurement on new
  // ones), and a dropped connection is not a crash (the database stops before this process).
  const pool = createConnectionPool(connectionString, max);
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const [first, second] = args as [unknown, unknown];
      const text = typeof first === "string" ? first : ((first as { text?: string })?.text ?? "");
      counters.roundTrips += 1;
      counters.statements += text.split(STATEMENT_SEPARATOR).length;
      const values = Array.isArray(second) ? second : ((first as { values?: unknown[] })?.values ?? []);
      counters.recent.push({ text, values });
      if (counters.recent.length > 40) counters.recent.shift();
      return query(...args);
    };
  });
  return { pool, counters };
}

export function statsKeeper(counters: Counters) {
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  let requests = 0;
  let rssPeak = 0;
  let cpuAtReset = process.cpuUsage();
  const sample = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 200);
  sample.unref();
  return {
    served: () => {
      requests += 1;
    },
    read: (): ServerStats => ({
      requests,
      statements: counters.statements,
      roundTrips: counters.roundTrips,
      rssPeakMb: Math.round(Math.max(rssPeak, process.memoryUsage().rss) / 1048576),
      eventLoopLagP99Ms: lag.percentile(99) / 1e6,
      eventLoopLagMaxMs: lag.max / 1e6,
      cpuMs: cpuSince(cpuAtReset),
      heapAfterGcMb: heapAfterGc(),
      recent: counters.recent,
    }),
    reset: () => {
      requests = 0;
      counters.statements = 0;
      counters.roundTrips = 0;
      rssPeak = 0;
      cpuAtReset = process.cpuUsage();
      lag.reset();
    },
  };
}

function cpuSince(start: NodeJS.CpuUsage) {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function heapAfterGc() {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return Number.NaN;
  gc();
  return Math.round(process.memoryUsage().heapUsed / 1048576);
}

/** Handles GET/POST /__stats; returns false for any other path. */
export function handleStats(
  url: string,
  method: string,
  stats: ReturnType<typeof statsKeeper>,
  send: (status: number, body: string) => void,
): boolean {
  if (!url.startsWith("/__stats")) return false;
  if (method === "POST") stats.reset();
  send(200, JSON.stringify(stats.read()));
  return true;
}
