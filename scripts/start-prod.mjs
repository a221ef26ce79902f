#!/usr/bin/env node
// `npm run start:prod`: the production API (packages/core, `start:prod`) and the built portal
// (`next start`) side by side, after `npm run build` and `npm run db:migrate`. In containers each
// runs on its own (see compose.yaml); this is for a single machine. Ctrl-C or SIGTERM stops both.
import { resolve } from "node:path";
import { API_NODE_FLAGS } from "./api-node-flags.mjs";
import { runTogether } from "./run-together.mjs";

const apiPort = process.env.API_PORT ?? "4000";
const env = {
  ...process.env,
  NODE_ENV: "production",
  API_PORT: apiPort,
  API_URL: process.env.API_URL ?? `http://localhost:${apiPort}`,
  NEXT_TELEMETRY_DISABLED: "1",
};
// The built portal sends its operations by hash; the API runs those and nothing else (SECURITY.md,
// "The API under attack"). GRAPHQL_ALLOW_ANY_DOCUMENT=true opts out for other API clients.
if (!env.PERSISTED_DOCUMENTS_MANIFEST && env.GRAPHQL_ALLOW_ANY_DOCUMENT !== "true")
  env.PERSISTED_DOCUMENTS_MANIFEST = resolve("packages/web/lib/generated/persisted-documents.json");

runTogether([
  { args: [...API_NODE_FLAGS, "--import", "tsx", "src/server/production-main.ts"], cwd: "packages/core", env },
  { args: ["scripts/next.mjs", "start"], cwd: "packages/web", env },
]);
