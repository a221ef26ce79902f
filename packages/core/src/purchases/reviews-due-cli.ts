// `npm run jobs:reviews-due`: runs the reviews-due hooks once; schedule it daily (cron, a k8s CronJob…).
import { loadConfig } from "../config.ts";
import { createPrismaClient } from "../db/prisma-client.ts";
import { checkPlugins } from "../plugins/installed-plugins.ts";
import { PluginSchemeRegistry } from "../plugins/plugin-scheme-registry.ts";
import { runReviewsDue } from "./reviews-due.ts";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the database to run the job against.");
  process.exit(2);
}
const db = createPrismaClient(url, 2);
const plugins = checkPlugins((await loadConfig()).plugins);
const count = await runReviewsDue(db, new PluginSchemeRegistry(db, plugins));
console.log(`Reviews newly due: ${count}`);
await db.$disconnect();
