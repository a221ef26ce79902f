// `npm run jobs:sign-in-attempts`: removes sign-in attempts past their retention (30 days unless
// SIGN_IN_ATTEMPT_RETENTION_DAYS says otherwise); schedule it daily. Runs as the application role.
import { applicationDatabaseUrl } from "../db/application-role.ts";
import { createPrismaClient } from "../db/prisma-client.ts";
import { pruneSignInAttempts, signInAttemptRetentionDays } from "./prune-sign-in-attempts.ts";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the database to run the job against.");
  process.exit(2);
}
const days = signInAttemptRetentionDays();
const db = createPrismaClient(await applicationDatabaseUrl(url), 1);
console.log(`Sign-in attempts older than ${days} days removed: ${await pruneSignInAttempts(db, new Date(), days)}`);
await db.$disconnect();
