import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";
import { checkOutConnection } from "./connection-pool.ts";

/** The connection one request's transaction holds, while that transaction is open. */
interface OpenTransaction {
  client: pg.PoolClient;
  /** Why no statement may run on it any more, once it may not. */
  closed: string | null;
  savepoints: number;
  /** Settles when the last of Prisma's own transactions in it has ended (see below). */
  nestedEnded: Promise<void>;
  /** Settles when the last statement sent on it has finished (`inTurn`). */
  lastStatement: Promise<unknown>;
  /** Statements sent on it and not yet finished. */
  running: number;
}

/**
 * Sends a statement on the request's connection once every statement sent before it has
 * finished, in the order they were sent. Sibling resolvers query at once. pg 8 queues a query
 * that finds its client busy, but warns that pg 9 will refuse it, and a first statement held
 * behind its BEGIN (db/begin-with-first-statement.ts) was overtaken by those sent after it.
 * Written here because pg means to stop queueing, and Prisma's adapter sends concurrently.
 */
function inTurn(transaction: OpenTransaction, statement: () => Promise<unknown>): Promise<unknown> {
  // Sent at once when nothing is running (the usual case: resolvers await their queries one by
  // one), as it was before; chained only behind a statement still running.
  const turn = transaction.running === 0 ? statement() : transaction.lastStatement.then(statement);
  transaction.running += 1;
  const finished = () => {
    transaction.running -= 1;
  };
  transaction.lastStatement = turn.then(finished, finished);
  return turn;
}

/** A statement on the transaction's connection, in its turn. */
const send = (transaction: OpenTransaction, ...args: unknown[]) =>
  inTurn(transaction, () => (transaction.client.query as unknown as Query)(...args));

const current = new AsyncLocalStorage<OpenTransaction>();

function connectionInUse(): OpenTransaction {
  const transaction = current.getStore();
  if (!transaction) throw new Error("No request transaction is open: this client runs only inside one.");
  if (transaction.closed)
    throw new Error(`This request's transaction ${transaction.closed}; nothing more may run in it.`);
  return transaction;
}

type Query = (...args: unknown[]) => Promise<unknown>;
type QueryConfig = { text?: string };

/**
 * A transaction Prisma opens on its own (a write whose plan takes several statements) inside
 * the request's transaction: a savepoint on the request's connection, so it keeps the
 * request's authority and commits or rolls back with it. Such savepoints are taken one at a
 * time: two open at once would nest, and releasing or rolling back the outer one would take
 * the inner one's work with it.
 */
async function nestedTransaction(transaction: OpenTransaction) {
  const previous = transaction.nestedEnded;
  let ended = () => {};
  transaction.nestedEnded = new Promise((resolve) => {
    ended = resolve;
  });
  await previous;
  return savepointOn(transaction, ended);
}

function savepointOn(transaction: OpenTransaction, ended: () => void) {
  const name = `prisma_nested_${++transaction.savepoints}`;
  const asSavepoint: Record<string, string> = {
    BEGIN: `SAVEPOINT ${name}`,
    COMMIT: `RELEASE SAVEPOINT ${name}`,
    ROLLBACK: `ROLLBACK TO SAVEPOINT ${name}`,
  };
  const query: Query = (config, ...rest) => {
    const open = connectionInUse();
    const text = typeof config === "string" ? config : (config as QueryConfig).text;
    const rewritten = text === undefined ? undefined : asSavepoint[text];
    if (rewritten === undefined) return send(open, config, ...rest);
    return send(open, typeof config === "string" ? rewritten : { ...(config as object), text: rewritten });
  };
  // The adapter listens for the connection's errors and releases it when it has committed or
  // rolled back (or failed to begin): the request owns the connection, so release only lets
  // the next nested transaction begin.
  return { query, on() {}, removeListener() {}, release: ended };
}

/**
 * The pg pool handed to the Prisma client that serves requests. It opens no connection of its
 * own: every statement goes to the connection of the request transaction the caller runs in
 * (`inRequestTransaction`), found through AsyncLocalStorage.
 *
 * Why not Prisma's interactive transaction: measured (bench/prisma-transaction.ts), it costs
 * about as much CPU as the request's statements themselves (its transaction bookkeeping, timers
 * and a client proxy built per transaction), on every request. Prisma's pg adapter takes only
 * a pg.Pool instance (it checks with instanceof), hence a pool whose `query` and `connect` are
 * replaced rather than an object of our own.
 */
export function requestConnectionPool(): pg.Pool {
  const pool = new pg.Pool({ max: 1 });
  const routed = pool as unknown as { query: Query; connect: () => Promise<unknown> };
  routed.query = async (...args) => send(connectionInUse(), ...args);
  routed.connect = async () => nestedTransaction(connectionInUse());
  return pool;
}

export interface RequestTransactionLimits {
  /** After this long, nothing more runs in the transaction and it rolls back (Prisma's `timeout`). */
  timeoutMs: number;
}

/**
 * Runs `work` in one transaction on one connection from `pool`: BEGIN, `work`, COMMIT, or
 * ROLLBACK if it throws or outlives the limit. Statements `work` sends through a client on
 * `requestConnectionPool()` run in it; once it has ended, they fail rather than reach a
 * connection another request may hold by then.
 */
export async function inRequestTransaction<T>(
  pool: pg.Pool,
  limits: RequestTransactionLimits,
  work: () => Promise<T>,
): Promise<T> {
  const connection = await checkOutConnection(pool);
  const transaction: OpenTransaction = {
    client: connection.client,
    closed: null,
    savepoints: 0,
    nestedEnded: Promise.resolve(),
    lastStatement: Promise.resolve(),
    running: 0,
  };
  const timer = setTimeout(() => {
    transaction.closed = `timed out after ${limits.timeoutMs} ms`;
  }, limits.timeoutMs);
  timer.unref();
  let failure: Error | undefined;
  try {
    await send(transaction, "BEGIN");
    // Awaited inside the run: Prisma's queries are lazy thenables, started by the first `then`,
    // which must come from within the transaction's context to find its connection.
    const result = await current.run(transaction, async () => await work());
    if (transaction.closed) throw new Error(`This request's transaction ${transaction.closed}.`);
    transaction.closed = "has committed";
    await send(transaction, "COMMIT");
    return result;
  } catch (error) {
    transaction.closed ??= "has rolled back";
    failure = await send(transaction, "ROLLBACK").then(
      () => undefined,
      (rollbackError: Error) => rollbackError,
    );
    throw error;
  } finally {
    clearTimeout(timer);
    transaction.closed ??= "has ended";
    connection.release(failure);
  }
}
