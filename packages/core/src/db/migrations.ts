import { existsSync, readdirSync } from "node:fs";
import pg from "pg";
import Postgrator from "postgrator";
import { databaseNameOf } from "./database-admin.ts";
import { repositoryRoot } from "./repository-paths.ts";

/**
 * A folder of migrations with a version history of its own: core's, or one plugin's.
 * Postgrator applies only versions above the highest it has recorded, so one history shared by
 * core and the plugins (which number their migrations in blocks above core's) would skip every
 * core migration written after a plugin's had run. Each source therefore keeps its own history:
 * core's in `public.schemaversion`, a plugin's in `migrations.<plugin>`.
 */
export interface MigrationSource {
  name: string;
  folder: string;
}

/** Core's migrations, then every plugin's: core never depends on a plugin, a plugin may on core. */
export function migrationSources(root = repositoryRoot): MigrationSource[] {
  const pluginsFolder = `${root}packages/plugins`;
  const plugins = readdirSync(pluginsFolder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(`${pluginsFolder}/${entry.name}/migrations`))
    .map((entry) => ({ name: entry.name, folder: `${pluginsFolder}/${entry.name}/migrations` }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return [{ name: "core", folder: `${root}prisma/migrations` }, ...plugins];
}

export interface AppliedMigration {
  version: number;
  name: string;
}

const historyTableOf = (source: MigrationSource) =>
  source.name === "core" ? "schemaversion" : `migrations.${source.name.replaceAll("-", "_")}`;

/**
 * Applies every migration not yet recorded in its source's history, each in its own transaction.
 * Postgrator stores an MD5 of every applied file and refuses to run when an applied migration
 * has since been edited: a changed migration must be a new migration.
 */
export async function migrateDatabase(
  databaseUrl: string,
  sources: MigrationSource[] = migrationSources(),
): Promise<AppliedMigration[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await separateSharedHistory(client, sources);
    const applied: AppliedMigration[] = [];
    for (const source of sources) {
      const postgrator = new Postgrator({
        migrationPattern: `${source.folder}/*.sql`,
        driver: "pg",
        database: databaseNameOf(databaseUrl),
        schemaTable: historyTableOf(source),
        newline: "LF",
        execQuery: (query) => client.query(query),
        execSqlScript: async (script) => {
          await client.query(`BEGIN;\n${script}\nCOMMIT;`).catch(async (error) => {
            await client.query("ROLLBACK");
            throw error;
          });
        },
      });
      for (const migration of await postgrator.migrate())
        applied.push({ version: migration.version, name: migration.name });
    }
    return applied;
  } finally {
    await client.end();
  }
}

/**
 * Databases migrated before the histories were separated recorded plugins' versions in core's
 * `schemaversion`, where they hide core migrations numbered below them. Moves each plugin's
 * rows to that plugin's own history, once, in one transaction.
 */
async function separateSharedHistory(client: pg.Client, sources: MigrationSource[]): Promise<void> {
  const shared = await client.query("SELECT to_regclass('public.schemaversion') IS NOT NULL AS present");
  if (!shared.rows[0].present) return;
  await client.query("BEGIN");
  try {
    for (const source of sources.filter((s) => s.name !== "core")) {
      const versions = readdirSync(source.folder)
        .map((file) => /^(\d+)\.do\./.exec(file)?.[1])
        .filter((version): version is string => version !== undefined)
        .map(Number);
      const moved = await client.query("DELETE FROM schemaversion WHERE version = ANY($1::bigint[]) RETURNING *", [
        versions,
      ]);
      if (moved.rowCount === 0) continue;
      const table = historyTableOf(source);
      await client.query(`CREATE SCHEMA IF NOT EXISTS migrations;
        CREATE TABLE IF NOT EXISTS ${table} (version BIGINT PRIMARY KEY, name TEXT, md5 TEXT, run_at TIMESTAMPTZ);
        INSERT INTO ${table} (version) VALUES (0) ON CONFLICT DO NOTHING;`);
      for (const row of moved.rows)
        await client.query(`INSERT INTO ${table} (version, name, md5, run_at) VALUES ($1, $2, $3, $4)`, [
          row.version,
          row.name,
          row.md5,
          row.run_at,
        ]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}
