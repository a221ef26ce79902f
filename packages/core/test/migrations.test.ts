import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import Postgrator from "postgrator";
import { afterAll, describe, expect, it } from "vitest";
import { type MigrationSource, migrateDatabase, migrationSources } from "../src/db/migrations.ts";
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

async function appliedVersions(url: string, history = "schemaversion"): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const result = await client.query(`SELECT version FROM ${history} WHERE version > 0 ORDER BY version`);
  await client.end();
  return result.rows.map((row) => Number(row.version));
}

/** A copy of core's migrations and one plugin's, in a folder a test may add files to. */
function copiedSources(): { core: MigrationSource; plugin: MigrationSource } {
  const folder = mkdtempSync(join(tmpdir(), "pathfinder-migrations-"));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  cpSync(`${repositoryRoot}prisma/migrations`, join(folder, "core"), { recursive: true });
  cpSync(`${repositoryRoot}packages/plugins/leeds/migrations`, join(folder, "leeds"), { recursive: true });
  return {
    core: { name: "core", folder: join(folder, "core") },
    plugin: { name: "leeds", folder: join(folder, "leeds") },
  };
}

const versionsIn = (folder: string) =>
  readdirSync(folder)
    .filter((file) => file.includes(".do."))
    .map((file) => Number(file.split(".")[0]))
    .sort((a, b) => a - b);

describe("migrations", () => {
  it("apply core's migrations and then every plugin's to an empty database, each source recording its own", async () => {
    const url = await emptyDatabase();
    const applied = (await migrateDatabase(url)).map((m) => m.version);
    const [core, ...plugins] = migrationSources();
    expect(applied.slice(0, versionsIn(core!.folder).length)).toEqual(versionsIn(core!.folder));
    expect(await appliedVersions(url)).toEqual(versionsIn(core!.folder));
    expect(plugins.map((p) => p.name)).toEqual(expect.arrayContaining(["dorset", "leeds"]));
    for (const plugin of plugins) {
      expect(await appliedVersions(url, `migrations.${plugin.name.replaceAll("-", "_")}`)).toEqual(
        versionsIn(plugin.folder),
      );
    }
    expect(applied).toHaveLength(
      plugins.reduce((n, p) => n + versionsIn(p.folder).length, versionsIn(core!.folder).length),
    );
  });

  it("apply nothing the second time", async () => {
    const url = await emptyDatabase();
    await migrateDatabase(url);
    expect(await migrateDatabase(url)).toEqual([]);
  });

  it("apply a core migration written after a plugin's higher-numbered ones had already run", async () => {
    const url = await emptyDatabase();
    const { core, plugin } = copiedSources();
    await migrateDatabase(url, [core, plugin]);
    appendFileSync(join(core.folder, "0899.do.late-core-change.sql"), "CREATE TABLE late_core_change (id int);\n");
    expect(await migrateDatabase(url, [core, plugin])).toEqual([{ version: 899, name: "late-core-change" }]);
  });

  it("separate a database's shared history, so that the core migrations it hid are applied", async () => {
    const url = await emptyDatabase();
    const { core, plugin } = copiedSources();
    // Before the histories were separated, one Postgrator ran every folder into `schemaversion`.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await new Postgrator({
      migrationPattern: `{${core.folder},${plugin.folder}}/*.sql`,
      driver: "pg",
      schemaTable: "schemaversion",
      execQuery: (query) => client.query(query),
    })
      .migrate()
      .finally(() => client.end());
    appendFileSync(join(core.folder, "0899.do.late-core-change.sql"), "CREATE TABLE late_core_change (id int);\n");

    expect(await migrateDatabase(url, [core, plugin])).toEqual([{ version: 899, name: "late-core-change" }]);
    expect(await appliedVersions(url)).toEqual(versionsIn(core.folder));
    expect(await appliedVersions(url, "migrations.leeds")).toEqual(versionsIn(plugin.folder));
  });

  it("refuse to run when a migration that was already applied has been changed", async () => {
    const url = await emptyDatabase();
    const { core } = copiedSources();
    await migrateDatabase(url, [core]);
    const first = readdirSync(core.folder).sort()[0] as string;
    appendFileSync(join(core.folder, first), "\nALTER TABLE authority ADD COLUMN sneaky text;\n");
    await expect(migrateDatabase(url, [core])).rejects.toThrow(/checksum|md5/i);
  });

  it("leave nothing behind when a migration fails half-way", async () => {
    const url = await emptyDatabase();
    const { core } = copiedSources();
    const broken = join(core.folder, "0999.do.broken.sql");
    appendFileSync(broken, "CREATE TABLE half_written (id int);\nSELECT * FROM no_such_table;\n");
    await expect(migrateDatabase(url, [core])).rejects.toThrow(/no_such_table/);
    const database = await schemaFromDatabase(url);
    expect([...database.columns.keys()].filter((c) => c.startsWith("half_written."))).toEqual([]);
    expect(await appliedVersions(url)).not.toContain(999);
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

  it("matches a key with authority_id in the database to the same key without it in Prisma, and nothing looser", () => {
    const shape = (indexes: string[]) => ({
      columns: new Map([
        ["widget.id", "uuid not null"],
        ["widget.authority_id", "uuid not null"],
        ["widget.code", "text not null"],
      ]),
      indexes: new Set(indexes),
      enums: new Map(),
    });
    const prisma = shape(["widget primary key(id)", "widget unique(authority_id,id)", "widget unique(code)"]);
    expect(
      describeDrift(prisma, shape(["widget primary key(authority_id,id)", "widget unique(authority_id,code)"])),
    ).toEqual([]);
    expect(
      describeDrift(prisma, shape(["widget primary key(authority_id,code)", "widget index(authority_id,code)"])),
    ).toEqual([
      "widget primary key(authority_id,code) is in the database but not the Prisma schema",
      "widget index(authority_id,code) is in the database but not the Prisma schema",
      "widget primary key(id) is in the Prisma schema but not the database",
      "widget unique(authority_id,id) is in the Prisma schema but not the database",
      "widget unique(code) is in the Prisma schema but not the database",
    ]);
  });
});
