// L1, L2 and L3 as servers of their own, and one measurement of a layer under one kind of load.
import { type ChildProcess, spawn } from "node:child_process";
import { freePort } from "../packages/core/test/support/free-port.ts";
import { API_NODE_FLAGS } from "../scripts/api-node-flags.mjs";
import { autocannonLoad, closedLoopAmount, fixedRateLoad, type LoadResult } from "./load.ts";
import { bodyOf, type Fixture, type Operation } from "./operations.ts";
import { connections, duration, here } from "./options.ts";
import type { ServerStats } from "./servers/server-stats.ts";

const serverFiles = {
  L1: "l1-node-http.ts",
  L2: "l2-yoga.ts",
  L3: "l3-pathfinder.ts",
  // `bench:check --against <ref>`: the ref's Pathfinder, from its own checkout (base-checkout.ts).
  "L3 base": "l3-pathfinder.ts",
} as const;

export interface Layer {
  name: keyof typeof serverFiles;
  url: string;
  process: ChildProcess;
}

/** Starts a layer's server; `bench` is the bench/ folder it comes from (another checkout's for L3 base). */
export async function startLayer(
  name: Layer["name"],
  databaseUrl: string,
  options: { nodeOptions?: string[]; bench?: string } = {},
): Promise<Layer> {
  const port = await freePort();
  const file = `${options.bench ?? here}servers/${serverFiles[name]}`;
  // tsx as a loader in the server's own process (its CLI would add a parent process). Every
  // layer runs with production's V8 flags, so that no ratio gains from a setting one side lacks.
  const flags = [...API_NODE_FLAGS, ...(options.nodeOptions ?? []), "--expose-gc", "--import", "tsx", file];
  const child = spawn(process.execPath, flags, {
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

export const stats = async (layer: Layer, reset = false): Promise<ServerStats> =>
  (await fetch(`${layer.url}/__stats`, { method: reset ? "POST" : "GET" })).json() as Promise<ServerStats>;

export interface Measured extends LoadResult {
  layer: string;
  operation: string;
  mode: string;
  statementsPerRequest: number;
  roundTripsPerRequest: number;
  rssPeakMb: number;
  eventLoopLagP99Ms: number;
  /** The server process's CPU time per request: steadier than throughput on a shared machine. */
  cpuMsPerRequest: number;
}

export async function measure(
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
    cpuMsPerRequest: after.requests ? after.cpuMs / after.requests : Number.NaN,
  };
}
