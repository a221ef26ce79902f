import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.ts";

export type Database = PrismaClient;

export function createPrismaClient(databaseUrl: string, poolSize = 10): Database {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: poolSize });
  // Decisions that commit money queue on the budget row's lock; under a burst they may wait
  // a while for a pooled connection, so allow more than Prisma's 2 s default before giving up.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 20_000, timeout: 30_000 } });
}
