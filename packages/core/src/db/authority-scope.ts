import type { AuthorityId } from "../domain/ids.ts";
import type { Database } from "./prisma-client.ts";
import type { DbClient } from "./transaction.ts";

/**
 * Sets the authority whose rows this transaction may see and write (row-level security,
 * migration 0010). `true`: local to the transaction, so it ends with it and a pooled
 * connection never carries one request's authority into the next.
 */
export async function setAuthority(tx: DbClient, authorityId: AuthorityId | null): Promise<void> {
  await tx.$queryRaw`SELECT set_config('app.authority_id', ${authorityId ?? ""}, true)`;
}

/** One unit of work in one transaction, scoped to one authority (jobs, downloads, seeding). */
export async function withAuthority<T>(
  db: Database,
  authorityId: AuthorityId,
  work: (tx: Database) => Promise<T>,
): Promise<T> {
  return db.$transaction(async (tx) => {
    await setAuthority(tx, authorityId);
    return work(withSavepoints(tx));
  });
}

let savepointCounter = 0;

/**
 * The transaction client, shaped like the pooled client, whose `$transaction` opens a savepoint
 * instead of a new transaction. Code that runs inside a request's transaction and asks for "a
 * transaction" (every mutation does) then gets exactly that: its writes land together or are
 * rolled back together, without leaving the request's transaction and its authority.
 */
export function withSavepoints(tx: DbClient): Database {
  const savepoint = async (work: unknown): Promise<unknown> => {
    // The batch form, `$transaction([query, query])`: Prisma's queries are lazy, so running
    // them one after another inside the savepoint gives the same all-or-nothing result.
    const run = Array.isArray(work)
      ? async () => {
          const results: unknown[] = [];
          for (const query of work) results.push(await query);
          return results;
        }
      : () => (work as (client: Database) => Promise<unknown>)(client);
    const name = `pathfinder_sp_${++savepointCounter}`;
    await tx.$executeRawUnsafe(`SAVEPOINT ${name}`);
    try {
      const result = await run();
      await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${name}`);
      throw error;
    }
  };
  const client: Database = new Proxy(tx, {
    get: (target, property) => (property === "$transaction" ? savepoint : Reflect.get(target, property, target)),
  }) as unknown as Database;
  return client;
}
