// `npm run jobs:retention`: pseudonymises closed cases past their authority's retention period.
// Schedule it daily. Connects as the application role (see db/application-role.ts) and works one
// case at a time, each in a transaction scoped to its authority.
import { loadConfig } from "../config.ts";
import { applicationDatabaseUrl } from "../db/application-role.ts";
import { createPrismaClient } from "../db/prisma-client.ts";
import { pseudonymiseClosedCases } from "./pseudonymise-closed-cases.ts";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the database to run the job against.");
  process.exit(2);
}
const db = createPrismaClient(await applicationDatabaseUrl(url), 2);
// The plugins this Pathfinder runs (pathfinder.config.ts): each removes what its own tables hold.
const { plugins } = await loadConfig();
const run = await pseudonymiseClosedCases(db, plugins);
console.log(`Cases pseudonymised: ${run.casesPseudonymised}; children pseudonymised: ${run.childrenPseudonymised}`);
await db.$disconnect();
