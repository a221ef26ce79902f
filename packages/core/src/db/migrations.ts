import pg from "pg";
import Postgrator from "postgrator";
import { databaseNameOf } from "./database-admin.ts";
import { repositoryRoot } from "./repository-paths.ts";

/**
 * Core's migrations and every plugin's, ordered by version number across all folders.
 * Versions are four-digit numbers for core; plugins take their own block of numbers
 * (see packages/plugins/README.md) so the two never collide.
 */
export const migrationPattern = `${repositoryRoot}{prisma/migrations,packages/plugins/*/migrations}/*.sql`;

export interface AppliedMigration {
  version: number;
  name: string;
}

/**
 * Applies every migration not yet recorded in the `schemaversion` table, each in its own
 * transaction. Postgrator stores an MD5 of every applied file and refuses to run when an
 * applied migration has since been edited: a changed migration must be a new migration.
 */
export async function migrateDatabase(databaseUrl: string, pattern = migrationPattern): Promise<AppliedMigration[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const postgrator = new Postgrator({
      migrationPattern: pattern,
      driver: "pg",
      database: databaseNameOf(databaseUrl),
      schemaTable: "schemaversion",
      newline: "LF",
      execQuery: (query) => client.query(query),
      execSqlScript: async (script) => {
        await client.query(`BEGIN;\n${script}\nCOMMIT;`).catch(async (error) => {
          await client.query("ROLLBACK");
          throw error;
        });
      },
    });
    const applied = await postgrator.migrate();
    return applied.map((migration) => ({ version: migration.version, name: migration.name }));
  } finally {
    await client.end();
  }
}
