// `npm run jobs:idempotency-keys`: removes idempotency keys past their 24 hours; schedule it daily.
import { createPrismaClient } from "../db/prisma-client.ts";
import { deleteExpiredIdempotencyKeys } from "./idempotency-key.ts";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the database to run the job against.");
  process.exit(2);
}
const db = createPrismaClient(url, 1);
console.log(`Expired idempotency keys removed: ${await deleteExpiredIdempotencyKeys(db)}`);
await db.$disconnect();
