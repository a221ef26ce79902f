// The database can end any connection at any moment (a restart, a failover, an idle timeout,
// an administrator). The API must lose only that connection, never the whole process.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkOutConnection, createConnectionPool } from "../../src/db/connection-pool.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

let database: TestDatabase;
let pool: ReturnType<typeof createConnectionPool>;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createConnectionPool(database.url, 2);
});
afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

const backendOf = async (client: { query(sql: string): Promise<{ rows: { pid: number }[] }> }) =>
  (await client.query("SELECT pg_backend_pid() AS pid")).rows[0]?.pid;
const terminate = (pid: number | undefined) => database.db.$queryRawUnsafe(`SELECT pg_terminate_backend(${pid})`);
const stillConnected = async (pid: number | undefined) =>
  (await database.db.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM pg_stat_activity WHERE pid = ${pid}`)).length > 0;
const untilClosed = (pid: number | undefined) => expect.poll(() => stillConnected(pid)).toBe(false);

describe("a connection the database ends", () => {
  it("while idle in the pool is discarded, and the next query opens another", async () => {
    const pid = await backendOf(pool);
    await terminate(pid);
    await untilClosed(pid);
    await expect.poll(() => pool.totalCount).toBe(0);
    expect(await backendOf(pool)).not.toBe(pid);
  });

  it("while checked out between two statements is discarded on release, not handed to the next caller", async () => {
    const out = await checkOutConnection(pool);
    const pid = await backendOf(out.client);
    // The connection's end is waited for before any query is sent, so no query is waiting to
    // fail: the error arrives on the connection itself, between statements (unheard, it would be
    // an uncaught exception, which fails this run). Querying first raced it: the error could go
    // to the query instead. 'end', not 'error', so that this test does not hear the error itself.
    const ended = new Promise((resolve) => out.client.once("end", resolve));
    await terminate(pid);
    await ended;
    await untilClosed(pid);
    await expect(out.client.query("SELECT 1")).rejects.toThrow();
    out.release();
    expect(pool.totalCount).toBe(0);
    const next = await checkOutConnection(pool);
    expect(await backendOf(next.client)).not.toBe(pid);
    next.release();
  });
});
