// What every benchmarked server reports about itself on GET /__stats (and resets with
// POST /__stats): SQL statements sent, requests served, peak memory, event-loop lag.
import { monitorEventLoopDelay } from "node:perf_hooks";
import pg from "pg";

export interface ServerStats {
  requests: number;
  statements: number;
  rssPeakMb: number;
  eventLoopLagP99Ms: number;
  eventLoopLagMaxMs: number;
  /** The last few statements with their values, for EXPLAIN. */
  recent: { text: string; values: unknown[] }[];
}

/** A pg pool whose every statement (BEGIN/COMMIT included) is counted where it reaches a connection. */
export function countingPool(connectionString: string, max: number) {
  const counters = { statements: 0, recent: [] as { text: string; values: unknown[] }[] };
  const pool = new pg.Pool({ connectionString, max });
  // The database stops at the end of a run, before this process does: not a crash.
  pool.on("error", () => {});
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      counters.statements += 1;
      const [first, second] = args as [unknown, unknown];
      const text = typeof first === "string" ? first : ((first as { text?: string })?.text ?? "");
      const values = Array.isArray(second) ? second : ((first as { values?: unknown[] })?.values ?? []);
      counters.recent.push({ text, values });
      if (counters.recent.length > 40) counters.recent.shift();
      return query(...args);
    };
  });
  return { pool, counters };
}

export function statsKeeper(counters: { statements: number; recent: { text: string; values: unknown[] }[] }) {
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  let requests = 0;
  let rssPeak = 0;
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
      rssPeakMb: Math.round(Math.max(rssPeak, process.memoryUsage().rss) / 1048576),
      eventLoopLagP99Ms: lag.percentile(99) / 1e6,
      eventLoopLagMaxMs: lag.max / 1e6,
      recent: counters.recent,
    }),
    reset: () => {
      requests = 0;
      counters.statements = 0;
      rssPeak = 0;
      lag.reset();
    },
  };
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
