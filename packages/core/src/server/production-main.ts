// `npm run start:prod`: the API for production. Unlike `npm start` it never starts an embedded
// PostgreSQL, migrates or seeds: the database is DATABASE_URL, migrated beforehand by the deploy
// step (`npm run db:migrate`), and the API connects as the application role (row-level security
// applies). Configuration comes from environment variables, all checked before anything starts.
import { createServer } from "node:http";
import { createServerAdapter } from "@whatwg-node/server";
import { loadConfig } from "../config.ts";
import { applicationDatabaseUrl } from "../db/application-role.ts";
import { createPrismaClient } from "../db/prisma-client.ts";
import { environmentOrExit } from "./environment.ts";
import { createHttpApp } from "./http-app.ts";

const environment = environmentOrExit("production");
const log = (line: string) => console.log(`[api] ${line}`);

const config = await loadConfig();
log(`Schemes installed: core${config.plugins.map((plugin) => `, ${plugin.id}`).join("")}`);
const appUrl = environment.APP_DATABASE_URL ?? (await applicationDatabaseUrl(environment.DATABASE_URL as string));
const db = createPrismaClient(appUrl);
const app = createHttpApp({
  db,
  databaseUrl: appUrl,
  development: false,
  secureCookies: environment.secureCookies,
  plugins: config.plugins,
});
const server = createServer(createServerAdapter(app.fetch));
server.listen(environment.API_PORT, () => log(`Listening on port ${environment.API_PORT} (production).`));

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: finishing requests in flight…`);
  server.close();
  await db.$disconnect();
  log("Stopped cleanly.");
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
