// `npm run audit:verify`: checks every authority's audit hash chain; exits 1 if any is broken.
// Prints each chain's head hash: keep it somewhere else (a ticket, a signed e-mail) to detect
// later that the newest entries were cut off, which no chain can show from inside.
import { applicationDatabaseUrl } from "../db/application-role.ts";
import { createPrismaClient } from "../db/prisma-client.ts";
import { verifyAllAuditChains } from "./audit-chain.ts";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the database whose audit log to verify.");
  process.exit(2);
}
const db = createPrismaClient(await applicationDatabaseUrl(url), 2);
const verdicts = await verifyAllAuditChains(db);
await db.$disconnect();
let broken = 0;
for (const verdict of verdicts) {
  const state = verdict.problems.length === 0 ? "intact" : `BROKEN (${verdict.problems.length} problem(s))`;
  console.log(`${verdict.authorityId}: ${verdict.entries} entries, ${state}, head ${verdict.head ?? "-"}`);
  for (const problem of verdict.problems)
    console.log(`  entry ${problem.sequence} (${problem.id}): ${problem.problem}`);
  if (verdict.problems.length > 0) broken++;
}
process.exit(broken > 0 ? 1 : 0);
