#!/usr/bin/env node
// `npm start`: the API (with its embedded PostgreSQL and demo data) and the portal, together.
// Ctrl-C stops both; the API stops its database cleanly so the data survives a restart.
import { spawn } from "node:child_process";

const apiPort = process.env.API_PORT ?? "4000";
const webPort = process.env.WEB_PORT ?? "3000";
const env = {
  ...process.env,
  API_PORT: apiPort,
  WEB_PORT: webPort,
  API_URL: `http://localhost:${apiPort}`,
  NEXT_TELEMETRY_DISABLED: "1",
};

// Spawned directly rather than through `npm run`, which does not pass signals on.
const children = [
  spawn(process.execPath, ["../../node_modules/tsx/dist/cli.mjs", "src/main.ts"], {
    cwd: "packages/core",
    stdio: "inherit",
    env,
  }),
  spawn(process.execPath, ["scripts/next.mjs", "dev"], { cwd: "packages/web", stdio: "inherit", env }),
];
console.log(`[pathfinder] API and GraphiQL: http://localhost:${apiPort}/graphql   Portal: http://localhost:${webPort}`);

let exiting = false;
const stopAll = (signal) => {
  if (exiting) return;
  exiting = true;
  for (const child of children) if (child.exitCode === null) child.kill(signal);
};
process.on("SIGINT", () => stopAll("SIGINT"));
process.on("SIGTERM", () => stopAll("SIGTERM"));
for (const child of children) {
  child.on("exit", (code) => {
    if (!exiting && code !== 0) {
      console.error("[pathfinder] a process stopped unexpectedly; stopping the others.");
      process.exitCode = code ?? 1;
      stopAll("SIGTERM");
    }
  });
}
