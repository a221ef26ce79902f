#!/usr/bin/env node
// `npm start`: the API (with its embedded PostgreSQL and demo data) and the portal, together.
// Ctrl-C stops both; the API stops its database cleanly so the data survives a restart.
import { runTogether } from "./run-together.mjs";

const apiPort = process.env.API_PORT ?? "4000";
const webPort = process.env.WEB_PORT ?? "3000";
const env = {
  ...process.env,
  API_PORT: apiPort,
  WEB_PORT: webPort,
  API_URL: `http://localhost:${apiPort}`,
  NEXT_TELEMETRY_DISABLED: "1",
};

runTogether([
  { args: ["../../node_modules/tsx/dist/cli.mjs", "src/main.ts"], cwd: "packages/core", env },
  { args: ["scripts/next.mjs", "dev"], cwd: "packages/web", env },
]);
console.log(`[pathfinder] API and GraphiQL: http://localhost:${apiPort}/graphql   Portal: http://localhost:${webPort}`);
