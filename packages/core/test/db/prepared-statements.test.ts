// Statements Prisma sends are prepared once per connection under a name derived from their SQL
// (db/prepared-statements.ts), except reports, which are planned for their own period each time.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLAN_EACH_TIME, preparedStatementLimit, statementNames } from "../../src/db/prepared-statements.ts";
import { createPrismaClient, type Database } from "../../src/db/prisma-client.ts";
import { Prisma } from "../../src/generated/prisma/client.ts";
import { runQuery } from "../../src/reports/run-report.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

describe("statement names", () => {
  const withArgs = (sql: string) => ({ sql, args: [1] });

  it("gives the same SQL the same name, and different SQL different names", () => {
    const name = statementNames(10);
    expect(name(withArgs("SELECT $1"))).toBe(name(withArgs("SELECT $1")));
    expect(name(withArgs("SELECT $1"))).not.toBe(name(withArgs("SELECT $1 + 1")));
    expect(name(withArgs("SELECT $1"))).toMatch(/^pf_[0-9a-f]{32}$/);
  });

  it("names no more than the limit; the rest run unnamed, and those named keep their names", () => {
    const name = statementNames(2);
    const first = name(withArgs("SELECT $1"));
    name(withArgs("SELECT $1 + 1"));
    expect(name(withArgs("SELECT $1 + 2"))).toBeUndefined();
    expect(name(withArgs("SELECT $1"))).toBe(first);
  });

  it("leaves statements without parameters, and reports, unnamed", () => {
    const name = statementNames(10);
    expect(name({ sql: "SELECT * FROM begin_request('ab12')", args: [] })).toBeUndefined();
    expect(name(withArgs(`${PLAN_EACH_TIME} SELECT $1`))).toBeUndefined();
  });

  it("reads its limit from PREPARED_STATEMENTS, refusing anything but a whole number", () => {
    expect(preparedStatementLimit(undefined)).toBe(200);
    expect(preparedStatementLimit("0")).toBe(0);
    expect(preparedStatementLimit("50")).toBe(50);
    expect(() => preparedStatementLimit("lots")).toThrow(
      'PREPARED_STATEMENTS must be a whole number of statements (0 for none), not "lots"',
    );
    expect(() => preparedStatementLimit("-1")).toThrow(/whole number/);
  });
});

describe("prepared statements on a connection", () => {
  let database: TestDatabase;
  const clients: Database[] = [];
  // One connection, so that pg_prepared_statements shows the statements the queries used.
  const oneConnection = () => {
    const db = createPrismaClient(database.url, 1);
    clients.push(db);
    return db;
  };
  const prepared = async (db: Database) =>
    (
      await db.$queryRawUnsafe<{ name: string; statement: string }[]>(
        "SELECT name, statement FROM pg_prepared_statements",
      )
    ).filter((row) => row.name.startsWith("pf_"));

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    for (const db of clients) await db.$disconnect();
    await database?.drop();
  });

  it("prepares a query once, and runs it again under the same name", async () => {
    const db = oneConnection();
    for (const id of [randomUUID(), randomUUID(), randomUUID()]) await db.authority.findMany({ where: { id } });
    const statements = (await prepared(db)).filter((row) => row.statement.includes('FROM "public"."authority"'));
    expect(statements).toHaveLength(1);
  });

  it("does not prepare a report's statement", async () => {
    const db = oneConnection();
    const rows = await runQuery(
      db,
      Prisma.sql`SELECT count(*) AS areas FROM area WHERE authority_id = ${randomUUID()}::uuid`,
    );
    expect(rows).toEqual([{ areas: 0 }]);
    expect((await prepared(db)).filter((row) => row.statement.includes("AS areas"))).toEqual([]);
  });

  it("prepares nothing with PREPARED_STATEMENTS=0", async () => {
    process.env.PREPARED_STATEMENTS = "0";
    try {
      const db = oneConnection();
      await db.authority.findMany({ where: { id: randomUUID() } });
      expect(await prepared(db)).toEqual([]);
    } finally {
      delete process.env.PREPARED_STATEMENTS;
    }
  });
});
