// The pool keeps a connection through a quiet spell (a new one is slow for its first requests:
// connection-pool.ts), and holding it must not keep a finished command-line job running.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConnectionPool } from "../../src/db/connection-pool.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

const backendOf = async (pool: ReturnType<typeof createConnectionPool>) =>
  (await pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]?.pid;

describe("idle connections", () => {
  it("are still open after a pause longer than pg's default ten seconds, and serve the next query", async () => {
    const pool = createConnectionPool(database.url, 1);
    try {
      const before = await backendOf(pool);
      await new Promise((resolve) => setTimeout(resolve, 11_000));
      expect(pool.totalCount).toBe(1);
      expect(await backendOf(pool)).toBe(before);
    } finally {
      await pool.end();
    }
  }, 20_000);

  it("do not keep a process running once its work is done", async () => {
    // A job that queries and returns without ending its pool, as a command-line job may.
    const connectionPool = fileURLToPath(new URL("../../src/db/connection-pool.ts", import.meta.url));
    const script = `
      const { createConnectionPool } = await import(${JSON.stringify(connectionPool)});
      const pool = createConnectionPool(process.env.DATABASE_URL, 2);
      await pool.query("SELECT 1");
      console.log("queried");
    `;
    const started = performance.now();
    const job = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      env: { ...process.env, DATABASE_URL: database.url },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    job.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => job.on("exit", resolve));
    expect(output).toContain("queried");
    expect(code).toBe(0);
    // It exits when its work ends, not when the pool would close the idle connection (10 min).
    expect(performance.now() - started).toBeLessThan(8_000);
  }, 20_000);
});
