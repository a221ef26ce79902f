// L3: Pathfinder itself, composed as src/main.ts composes it in production (NODE_ENV=production,
// every installed scheme plugin, auth, CASL, Pothos, Prisma, and whatever createHttpApp adds:
// row-level security, limits and persisted documents land there), on a statement-counting pool.
import { createServer } from "node:http";
import { createServerAdapter } from "@whatwg-node/server";
import { loadConfig } from "../../packages/core/src/config.ts";
import { applicationDatabaseUrl } from "../../packages/core/src/db/application-role.ts";
import { createPrismaClient } from "../../packages/core/src/db/prisma-client.ts";
import type { NodeServerContext } from "../../packages/core/src/server/client-address.ts";
import { createHttpApp } from "../../packages/core/src/server/http-app.ts";
import { countingPool, handleStats, statsKeeper } from "./server-stats.ts";

// As main.ts: the API connects as the application role, held by row-level security.
const appUrl = await applicationDatabaseUrl(process.env.DATABASE_URL as string);
const { pool, counters } = countingPool(appUrl, Number(process.env.POOL_SIZE ?? 10));
const stats = statsKeeper(counters);
const config = await loadConfig();
const db = createPrismaClient(pool);
const app = createHttpApp({
  db,
  databaseUrl: appUrl,
  development: false,
  secureCookies: true,
  plugins: config.plugins,
});
const adapter = createServerAdapter<NodeServerContext>(app.fetch);

const server = createServer((request, response) => {
  const send = (status: number, body: string) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(body);
  };
  if (handleStats(request.url ?? "", request.method ?? "GET", stats, send)) return;
  stats.served();
  adapter(request, response);
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("ready"));
// A clean exit on the harness's SIGTERM, so that --cpu-prof writes its profile.
process.on("SIGTERM", () => process.exit(0));
