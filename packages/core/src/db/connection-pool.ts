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

export const createConnectionPool = (connectionString: string, max: number): pg.Pool =>
  tolerateDroppedConnections(new pg.Pool({ connectionString, max }));
