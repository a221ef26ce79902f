// Prisma's pg adapter sends a Date as the UTC wall-clock time with no offset, and reads a
// timestamptz back by replacing its offset with +00:00: both are right only in a session whose
// TimeZone is UTC. A PostgreSQL server set up on a machine in London takes Europe/London as its
// default, so every pooled connection sets UTC itself (db/connection-pool.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withUtcSession } from "../../src/db/connection-pool.ts";
import { createPrismaClient, type Database } from "../../src/db/prisma-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

let database: TestDatabase;
let db: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  const name = new URL(database.url).pathname.slice(1);
  // A default five hours off UTC all year, so the check does not depend on the season.
  await database.db.$executeRawUnsafe(`ALTER DATABASE "${name}" SET timezone = 'America/Bogota'`);
  db = createPrismaClient(database.url, 2);
});
afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

describe("a database whose default time zone is not UTC", () => {
  it("stores the instant a Date holds, so SQL's clock and Prisma's agree", async () => {
    const instant = new Date("2027-07-15T23:30:00.000Z");
    const [row] = await db.$queryRaw<{ epoch: number; zone: string }[]>`
      SELECT extract(epoch FROM ${instant}::timestamptz)::float8 AS epoch, current_setting('TimeZone') AS zone`;
    expect(row?.zone).toBe("UTC");
    expect(row?.epoch).toBe(instant.getTime() / 1000);
  });

  it("reads back the instant SQL wrote", async () => {
    const [row] = await db.$queryRaw<{ at: Date }[]>`SELECT '2027-07-15 18:30:00-05'::timestamptz AS at`;
    expect(row?.at.toISOString()).toBe("2027-07-15T23:30:00.000Z");
  });
});

describe("the connection string", () => {
  it("keeps the caller's own startup options beside the UTC session", () => {
    const url = withUtcSession(
      "postgresql://app:secret@db.example:5432/pathfinder?options=-c%20statement_timeout%3D5000&sslmode=require",
    );
    const parsed = new URL(url);
    expect(parsed.searchParams.get("options")).toBe("-c statement_timeout=5000 -c TimeZone=UTC");
    expect(parsed.searchParams.get("sslmode")).toBe("require");
    expect(`${parsed.username}:${parsed.password}@${parsed.host}${parsed.pathname}`).toBe(
      "app:secret@db.example:5432/pathfinder",
    );
  });
});
