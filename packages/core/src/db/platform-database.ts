import { createDatabase, databaseExists, urlForDatabase } from "./database-admin.ts";
import { startEmbeddedPostgres } from "./embedded-postgres-server.ts";
import { embeddedDataDirectory } from "./repository-paths.ts";

export interface PlatformDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * The database the platform runs on: DATABASE_URL when it is set, otherwise an embedded
 * PostgreSQL whose data lives in `.data/postgres` and survives restarts.
 */
export async function openPlatformDatabase(log: (line: string) => void): Promise<PlatformDatabase> {
  const configured = process.env.DATABASE_URL;
  if (configured) return { url: configured, embedded: false, stop: async () => {} };

  const port = Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329);
  log(`Starting the embedded PostgreSQL on port ${port} (data in ${embeddedDataDirectory})…`);
  const server = await startEmbeddedPostgres({ dataDirectory: embeddedDataDirectory, port, persistent: true });
  if (!(await databaseExists(server.adminUrl, "pathfinder"))) await createDatabase(server.adminUrl, "pathfinder");
  return { url: urlForDatabase(server.adminUrl, "pathfinder"), embedded: true, stop: () => server.stop() };
}
