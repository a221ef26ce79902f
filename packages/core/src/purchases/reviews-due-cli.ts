// `npm run jobs:reviews-due`: runs the reviews-due hooks once; schedule it daily (cron, a k8s CronJob…).
// Connects as the application role (APP_DATABASE_URL, or derived from DATABASE_URL, see
// db/application-role.ts): the job sets the authority per unit of work like the API does.
import { loadConfig } from "../config.ts";
import { applicationDatabaseUrl } from "../db/application-role.ts";
import type { Database } from "../db/prisma-client.ts";
import { createPrismaClient } from "../db/prisma-client.ts";
import { checkPlugins } from "../plugins/installed-plugins.ts";
import { PluginSchemeRegistry } from "../plugins/plugin-scheme-registry.ts";
import { runReviewsDue } from "./reviews-due.ts";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the database to run the job against.");
  process.exit(2);
}
const db = createPrismaClient(await applicationDatabaseUrl(url), 2);
const plugins = checkPlugins((await loadConfig()).plugins);
const count = await runReviewsDue(db, (tx: Database) => new PluginSchemeRegistry(tx, plugins));
console.log(`Reviews newly due: ${count}`);
await db.$disconnect();
