import pg from "pg";

/**
 * A pg pool that outlives the server ending one of its idle connections (a restart, a
 * failover, an idle timeout): the pool discards that connection and the next query opens
 * another. Without a listener, the pool's 'error' event would end the whole process.
 */
export function tolerateDroppedConnections(pool: pg.Pool): pg.Pool {
  pool.on("error", () => {});
  return pool;
}

/**
 * Decisions that commit money queue on the budget row's lock; under a burst a request may wait
 * a while for a connection, so it waits up to 20 s before it gives up with an error.
 */
export const CONNECTION_WAIT_MS = 20_000;

/**
 * How long a connection may sit unused in the pool before it is closed: ten minutes, not pg's
 * ten seconds. A new connection is slow for its first requests (authentication, a PostgreSQL
 * backend whose catalog caches start empty, the prepared statements parsed again), and after a
 * pause of more than ten seconds every connection a burst needs was new: measured on the bench
 * (bench/README.md, "Connections kept through a pause"), a child's record at 250 a second
 * after 16 s idle had a p99 of 60-132 ms with pg's default against 7-44 ms with the connections
 * kept (five runs each). Ten connections per replica held for a quiet spell cost PostgreSQL little.
 */
const IDLE_CONNECTION_MS = 10 * 60_000;

/**
 * The connection string with a UTC session added to its startup options (an `options` URL
 * parameter, kept with anything the caller put there: pg takes the string's parameters over
 * its config's). Prisma's pg adapter sends a Date as the UTC wall-clock time with no offset and
 * reads a timestamptz back by replacing its offset with +00:00, so in a session on any other
 * zone every timestamp it writes or reads is off by that zone's offset. A PostgreSQL set up on a
 * machine in London defaults to Europe/London: an hour off all summer
 * (test/db/session-time-zone.test.ts).
 */
export function withUtcSession(connectionString: string): string {
  const url = new URL(connectionString);
  const own = url.searchParams.get("options");
  url.searchParams.set("options", [own, "-c TimeZone=UTC"].filter(Boolean).join(" "));
  return url.toString();
}

export const createConnectionPool = (connectionString: string, max: number): pg.Pool =>
  tolerateDroppedConnections(
    new pg.Pool({
      connectionString: withUtcSession(connectionString),
      max,
      connectionTimeoutMillis: CONNECTION_WAIT_MS,
      idleTimeoutMillis: IDLE_CONNECTION_MS,
      // Idle connections held that long must not keep a finished command-line job running.
      allowExitOnIdle: true,
    }),
  );

export interface CheckedOutConnection {
  client: pg.PoolClient;
  /** Returns the connection to the pool, or discards it if it failed or was lost while out. */
  release(error?: Error): void;
}

/**
 * A connection taken from the pool for a stretch of statements. While it is out, the pool's
 * own error listener is detached (pg-pool's design), so a connection the server ends between
 * two statements, when no query is waiting to fail, would throw an uncaught 'error' and end
 * the process. This listens for that for as long as the connection is out, and releasing it
 * afterwards discards the dead connection instead of handing it to the next caller.
 */
export async function checkOutConnection(pool: pg.Pool): Promise<CheckedOutConnection> {
  const client = await pool.connect();
  let lost: Error | undefined;
  const onLost = (error: Error) => {
    lost = error;
  };
  client.on("error", onLost);
  return {
    client,
    release(error?: Error) {
      client.off("error", onLost);
      client.release(error ?? lost);
    },
  };
}
