// Sibling resolvers query at once on their request's one connection: the connection takes the
// statements in turn itself (db/request-connection.ts), because pg 9 will refuse a query sent
// to a client that is still running one (pg 8 queues it, and warns).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inOneTransaction } from "../../src/db/prisma-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

let database: TestDatabase;
const warnings: string[] = [];
const listen = (warning: Error) => warnings.push(warning.message);

beforeAll(async () => {
  database = await createTestDatabase();
  process.on("warning", listen);
});
afterAll(async () => {
  process.off("warning", listen);
  await database?.drop();
});

describe("statements sent at once in a request's transaction", () => {
  it("each wait for the one before, in the order sent, and answer as if sent one by one", async () => {
    const answers = await inOneTransaction(database.db, (client) =>
      Promise.all(
        [1, 2, 3, 4, 5].map(async (n) => {
          const [row] = await client.$queryRaw<{ n: number; at: string }[]>`
            SELECT ${n}::int AS n, clock_timestamp()::text AS at FROM pg_sleep(0.01)`;
          return row;
        }),
      ),
    );
    expect(answers.map((row) => row?.n)).toEqual([1, 2, 3, 4, 5]);
    const started = answers.map((row) => row?.at ?? "");
    expect([...started].sort()).toEqual(started);
    // Let any warning emitted during the work arrive (process warnings are emitted on next tick).
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.filter((message) => message.includes("already executing a query"))).toEqual([]);
  });
});
