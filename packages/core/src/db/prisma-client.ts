import { createCaslExtension } from "@casl/prisma/runtime";
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { sendBeginWithFirstStatement } from "./begin-with-first-statement.ts";
import { CONNECTION_WAIT_MS, createConnectionPool, tolerateDroppedConnections } from "./connection-pool.ts";
import { preparedStatementLimit, statementNames } from "./prepared-statements.ts";
import { inRequestTransaction, type RequestTransactionLimits, requestConnectionPool } from "./request-connection.ts";

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
/** Each client's twin that runs on one request's connection (request-connection.ts). */
const requestClients = new WeakMap<Database, Database>();

export function connectionPoolOf(db: Database): pg.Pool | undefined {
  return pools.get(db);
}

/** A client on a new pool for `database`, or on a pool the caller made (to observe its statements). */
export function createPrismaClient(database: string | pg.Pool, poolSize = 10): Database {
  // The pool is ours rather than the adapter's so that its use can be measured.
  const pool =
    typeof database === "string" ? createConnectionPool(database, poolSize) : tolerateDroppedConnections(database);
  sendBeginWithFirstStatement(pool);
  const db = clientOn(pool, true);
  pools.set(db, pool);
  requestClients.set(db, clientOn(requestConnectionPool(), false));
  return db;
}

/** How long a transaction may take before it is rolled back (Prisma's `timeout` too). */
const TRANSACTION_TIMEOUT_MS = 30_000;

function clientOn(pool: pg.Pool, ownsPool: boolean): Database {
  const adapter = new PrismaPg(pool, {
    disposeExternalPool: ownsPool,
    // The adapter passes the name to pg, which leaves a statement unnamed when it is undefined.
    statementNameGenerator: statementNames(preparedStatementLimit()) as (query: {
      sql: string;
      args: unknown[];
    }) => string,
  });
  // Jobs' transactions (withAuthority) wait for a connection as long as requests do, not
  // Prisma's 2 s default (connection-pool.ts says why).
  const client = new PrismaClient({
    adapter,
    transactionOptions: { maxWait: CONNECTION_WAIT_MS, timeout: TRANSACTION_TIMEOUT_MS },
  });
  // Without this extension, `accessibleBy` for an action the viewer has no rule for yields
  // `{ OR: [] }`, which Prisma does not reliably treat as "match nothing" inside an AND
  // (prisma/prisma#17367): a user with no right would match every row. The extension adds
  // only query hooks, no new methods, so the client keeps PrismaClient's type.
  return client.$extends(createCaslExtension()).$extends(emptySelectAsDefault) as unknown as Database;
}

/**
 * Runs `work` in one transaction on one pooled connection of `db`, handing it a client whose
 * every statement runs in that transaction: a request's transaction, without the CPU that
 * Prisma's interactive transaction costs per request (request-connection.ts).
 */
export function inOneTransaction<T>(
  db: Database,
  work: (client: Database) => Promise<T>,
  limits: RequestTransactionLimits = { timeoutMs: TRANSACTION_TIMEOUT_MS },
): Promise<T> {
  const pool = pools.get(db);
  const client = requestClients.get(db);
  if (!pool || !client) throw new Error("inOneTransaction needs a client made by createPrismaClient.");
  return inRequestTransaction(pool, limits, () => work(client));
}
