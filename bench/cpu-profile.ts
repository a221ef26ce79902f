// `npm run bench -- --profile <operation> [--layer L3]`: where one layer's CPU goes.
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { openDatabase } from "./bench-database.ts";
import { f1 } from "./figures.ts";
import { buildFixture } from "./fixture.ts";
import { type Layer, measure, startLayer, stats } from "./layers.ts";
import { operations } from "./operations.ts";
import { args, duration, here, log } from "./options.ts";
import { summariseProfile } from "./profile-summary.ts";

/** `--profile <operation>`: one layer's CPU profile at saturation, summarised (profile-summary.ts). */
export async function profile(name: string) {
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
    layer = await startLayer(layerName, database.url, {
      nodeOptions: ["--cpu-prof", `--cpu-prof-dir=${directory}`],
    });
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
