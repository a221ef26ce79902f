import { createCaslExtension } from "@casl/prisma/runtime";
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { sendBeginWithFirstStatement } from "./begin-with-first-statement.ts";
import { createConnectionPool, tolerateDroppedConnections } from "./connection-pool.ts";
import { preparedStatementLimit, statementNames } from "./prepared-statements.ts";

export type Database = PrismaClient;

/**
 * Pothos hands resolvers the `select` a client's query needs; when a client asks a mutation's
 * result for nothing but `__typename`, that select is empty, which Prisma rejects. An empty
 * select means "nothing in particular", so the row is loaded plainly instead.
 */
const emptySelectAsDefault = Prisma.defineExtension({
  query: {
    $allOperations({ args, query }) {
      const select = (args as { select?: object } | undefined)?.select;
      if (select && Object.keys(select).length === 0) delete (args as { select?: object }).select;
      return query(args);
    },
  },
});

/** Each client's connection pool, so /metrics can report how busy it is. */
const pools = new WeakMap<Database, pg.Pool>();

export function connectionPoolOf(db: Database): pg.Pool | undefined {
  return pools.get(db);
}

/** A client on a new pool for `database`, or on a pool the caller made (to observe its statements). */
export function createPrismaClient(database: string | pg.Pool, poolSize = 10): Database {
  // The pool is ours rather than the adapter's so that its use can be measured.
  const pool =
    typeof database === "string" ? createConnectionPool(database, poolSize) : tolerateDroppedConnections(database);
  sendBeginWithFirstStatement(pool);
  const adapter = new PrismaPg(pool, {
    disposeExternalPool: true,
    // The adapter passes the name to pg, which leaves a statement unnamed when it is undefined.
    statementNameGenerator: statementNames(preparedStatementLimit()) as (query: {
      sql: string;
      args: unknown[];
    }) => string,
  });
  // Decisions that commit money queue on the budget row's lock; under a burst they may wait
  // a while for a pooled connection, so allow more than Prisma's 2 s default before giving up.
  const client = new PrismaClient({ adapter, transactionOptions: { maxWait: 20_000, timeout: 30_000 } });
  // Without this extension, `accessibleBy` for an action the viewer has no rule for yields
  // `{ OR: [] }`, which Prisma does not reliably treat as "match nothing" inside an AND
  // (prisma/prisma#17367): a user with no right would match every row. The extension adds
  // only query hooks, no new methods, so the client keeps PrismaClient's type.
  const db = client.$extends(createCaslExtension()).$extends(emptySelectAsDefault) as unknown as Database;
  pools.set(db, pool);
  return db;
}
