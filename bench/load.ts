// Load generators: autocannon (npm) at saturation; an open-loop generator of our own at a fixed
// rate; wrk (Debian) at saturation when installed; pgbench for L0. Latency percentiles are
// computed from every response's time (autocannon's own histogram has no p95).
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import autocannon from "autocannon";

const run = promisify(execFile);

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

export interface RequestSource {
  /** The next request's bearer token and GraphQL body. */
  next(): { token: string; body: string };
  /** Whether a 200 response's body is a success (no GraphQL errors, no typed error). */
  ok(body: string): boolean;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/**
 * Closed loop over a fixed number of requests (approvals, each decided once): `connections`
 * clients, each sending the next request when its last is answered, timed from the first send
 * to the last answer. Not autocannon's `amount`: it ends a run on its one-second tick, so 150
 * approvals always took 1, 2 or 3 seconds whatever the server did.
 */
export async function closedLoopAmount(
  url: string,
  source: RequestSource,
  options: { connections: number; amount: number },
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const client = async () => {
    while (sent < options.amount) {
      sent += 1;
      const { token, body } = source.next();
      const began = performance.now();
      const answer = await post(agent, `${url}/graphql`, token, body).catch(() => null);
      latencies.push(performance.now() - began);
      if (answer?.status !== 200 || !source.ok(answer.body)) errors += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.connections }, client));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return summarise(latencies, seconds, errors);
}

function summarise(latencies: number[], seconds: number, errors: number): LoadResult {
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors,
  };
}

/** Closed loop for a duration: `connections` clients, each sending its next request when the last is answered. */
export async function autocannonLoad(
  url: string,
  source: RequestSource,
  options: { connections: number; duration: number },
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}/graphql`,
        method: "POST",
        connections: options.connections,
        duration: options.duration,
        timeout: 30,
        requests: [
          {
            setupRequest: (request) => {
              const { token, body } = source.next();
              request.headers = { "content-type": "application/json", authorization: `Bearer ${token}` };
              request.body = body;
              return request;
            },
            onResponse: (status, body) => {
              if (status !== 200 || !source.ok(body)) errors += 1;
            },
          },
        ],
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client, _status, _bytes, time) => latencies.push(time));
  });
  return summarise(latencies, (performance.now() - started) / 1000, errors + result.errors + result.timeouts);
}

/**
 * Open loop at a fixed rate: request i is due at start + i/rate, sent then whatever earlier ones
 * are doing, and its latency counts from when it was due, so a stall is charged to every request
 * it delays (no coordinated omission). Written here because autocannon's `overallRate` releases
 * each second's quota in a burst at the start of the second: its latencies were mostly the
 * queue of that burst (p50 of 27 ms for a 2 ms request at half of saturation).
 */
export async function fixedRateLoad(
  url: string,
  source: RequestSource,
  options: { rate: number; duration?: number; amount?: number },
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  const total = options.amount ?? Math.round(options.rate * (options.duration ?? 1));
  const latencies: number[] = [];
  let errors = 0;
  const answered: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < total; i += 1) {
    const due = start + (i * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const { token, body } = source.next();
    answered.push(
      post(agent, `${url}/graphql`, token, body).then(
        (answer) => {
          latencies.push(performance.now() - due);
          if (answer.status !== 200 || !source.ok(answer.body)) errors += 1;
        },
        () => {
          latencies.push(performance.now() - due);
          errors += 1;
        },
      ),
    );
  }
  await Promise.all(answered);
  agent.destroy();
  return summarise(latencies, (performance.now() - start) / 1000, errors);
}

function post(agent: Agent, url: string, token: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      url,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        timeout: 30_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
        );
        response.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.on("timeout", () => outgoing.destroy(new Error("timed out")));
    outgoing.end(body);
  });
}

/** wrk at saturation with one fixed request (wrk has no per-request bodies without Lua per request). */
export async function wrkLoad(url: string, token: string, body: string, connections: number, duration: number) {
  const script = `/tmp/pathfinder-bench-${process.pid}.lua`;
  writeFileSync(
    script,
    `wrk.method = "POST"\nwrk.body = ${JSON.stringify(body)}\n` +
      `wrk.headers["content-type"] = "application/json"\nwrk.headers["authorization"] = "Bearer ${token}"\n`,
  );
  const { stdout } = await run("wrk", [
    "-t1",
    `-c${connections}`,
    `-d${duration}s`,
    "--latency",
    "-s",
    script,
    `${url}/graphql`,
  ]);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]);
  const ms = (label: string) => {
    const match = new RegExp(`${label}%\\s+([\\d.]+)(us|ms|s)`).exec(stdout);
    if (!match) return Number.NaN;
    const value = Number(match[1]);
    return match[2] === "us" ? value / 1000 : match[2] === "s" ? value * 1000 : value;
  };
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(stdout)?.[1] ?? 0);
  return { rps, p50: ms("50"), p99: ms("99"), errors: non2xx };
}

/** pgbench with a custom script: transactions per second and average latency. */
export async function pgbenchLoad(
  databaseUrl: string,
  script: string,
  defines: Record<string, string>,
  clients: number,
  duration: number,
) {
  const file = `/tmp/pathfinder-bench-${process.pid}.sql`;
  writeFileSync(file, script);
  const args = ["-n", "-M", "prepared", "-c", String(clients), "-j", "2", "-T", String(duration), "-f", file];
  for (const [name, value] of Object.entries(defines)) args.push("-D", `${name}=${value}`);
  args.push(databaseUrl);
  const { stdout } = await run("pgbench", args, { maxBuffer: 1 << 24 });
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1]);
  const latency = Number(/latency average = ([\d.]+) ms/.exec(stdout)?.[1]);
  const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0);
  return { tps, latencyAvgMs: latency, errors: failed };
}
