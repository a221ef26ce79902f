import { Prisma } from "../generated/prisma/client.ts";
import type { DbClient } from "./transaction.ts";

/**
 * Runs independent writes as one statement, each a data-modifying WITH query: PostgreSQL runs
 * every one of them exactly once and to completion, in one snapshot, whether or not the outer
 * query reads it. So one round trip carries them all (each costs the API ~0.3 ms of CPU on a
 * 2-core machine; bench/README.md). Only for writes that do not read each other's rows: they
 * cannot see one another's effects. Raw SQL because Prisma sends each write on its own.
 */
export async function writeTogether(db: DbClient, writes: readonly (Prisma.Sql | null)[]): Promise<void> {
  const present = writes.filter((write): write is Prisma.Sql => write !== null);
  const [only] = present;
  if (present.length === 0 || !only) return;
  if (present.length === 1) {
    await db.$executeRaw(only);
    return;
  }
  const queries = present.map((write, index) => Prisma.sql`${Prisma.raw(`write_${index}`)} AS (${write})`);
  await db.$executeRaw`WITH ${Prisma.join(queries)} SELECT`;
}
