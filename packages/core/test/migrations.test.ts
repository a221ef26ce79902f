import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "../src/db/migrations.ts";
import { repositoryRoot } from "../src/db/repository-paths.ts";
import { describeDrift, schemaFromDatabase, schemaFromPrisma } from "../src/db/schema-drift.ts";
import { createEmptyDatabase } from "./support/test-database.ts";

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function emptyDatabase() {
  const database = await createEmptyDatabase();
  cleanups.push(database.drop);
  return database.url;
}

async function appliedVersions(url: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const result = await client.query("SELECT version FROM schemaversion WHERE version > 0 ORDER BY version");
  await client.end();
  return result.rows.map((row) => Number(row.version));
}

describe("migrations", () => {
  it("apply every migration in order to an empty database and record each one", async () => {
    const url = await emptyDatabase();
    const files = readdirSync(`${repositoryRoot}prisma/migrations`).filter((f) => f.includes(".do."));
    const applied = await migrateDatabase(url);
    expect(applied.map((m) => m.version)).toEqual(applied.map((m) => m.version).sort((x, y) => x - y));
    expect(applied.length).toBeGreaterThanOrEqual(files.length);
    expect(await appliedVersions(url)).toEqual(applied.map((m) => m.version));
  });

  it("apply nothing the second time", async () => {
    const url = await emptyDatabase();
    await migrateDatabase(url);
    expect(await migrateDatabase(url)).toEqual([]);
  });

  it("refuse to run when a migration that was already applied has been changed", async () => {
    const url = await emptyDatabase();
    const folder = mkdtempSync(join(tmpdir(), "pathfinder-migrations-"));
    cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
    cpSync(`${repositoryRoot}prisma/migrations`, folder, { recursive: true });
    await migrateDatabase(url, `${folder}/*.sql`);
    const first = readdirSync(folder).sort()[0] as string;
    appendFileSync(join(folder, first), "\nALTER TABLE authority ADD COLUMN sneaky text;\n");
    await expect(migrateDatabase(url, `${folder}/*.sql`)).rejects.toThrow(/checksum|md5/i);
  });

  it("leave nothing behind when a migration fails half-way", async () => {
    const url = await emptyDatabase();
    const folder = mkdtempSync(join(tmpdir(), "pathfinder-migrations-"));
    cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
    cpSync(`${repositoryRoot}prisma/migrations`, folder, { recursive: true });
    const broken = join(folder, "9999.do.broken.sql");
    appendFileSync(broken, "CREATE TABLE half_written (id int);\nSELECT * FROM no_such_table;\n");
    await expect(migrateDatabase(url, `${folder}/*.sql`)).rejects.toThrow(/no_such_table/);
    const database = await schemaFromDatabase(url);
    expect([...database.columns.keys()].filter((c) => c.startsWith("half_written."))).toEqual([]);
    expect(await appliedVersions(url)).not.toContain(9999);
  });
});

describe("schema drift check", () => {
  it("finds the migrated database and the Prisma schema in agreement", async () => {
    const url = await emptyDatabase();
    await migrateDatabase(url);
    expect(describeDrift(await schemaFromPrisma(), await schemaFromDatabase(url))).toEqual([]);
  });

  it("reports a column, a type, a nullability and an index that the database lacks or adds", async () => {
    const url = await emptyDatabase();
    await migrateDatabase(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`
      ALTER TABLE staff_user DROP COLUMN job_title;
      ALTER TABLE area ALTER COLUMN name TYPE varchar(80);
      ALTER TABLE authority ALTER COLUMN code DROP NOT NULL;
      DROP INDEX session_staff_user_id_idx;
      CREATE INDEX extra_index ON area (created_at);
      CREATE TABLE stray (id int PRIMARY KEY);`);
    await client.end();
    const drift = describeDrift(await schemaFromPrisma(), await schemaFromDatabase(url));
    expect(drift).toEqual(
      expect.arrayContaining([
        "column staff_user.job_title is in the Prisma schema but not the database",
        'column area.name is "text not null" in the Prisma schema but "varchar not null" in the database',
        'column authority.code is "text not null" in the Prisma schema but "text null" in the database',
        "session index(staff_user_id) is in the Prisma schema but not the database",
        "area index(created_at) is in the database but not the Prisma schema",
        "column stray.id is in the database but not the Prisma schema",
      ]),
    );
  });
});
