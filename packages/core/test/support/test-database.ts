import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { asApplicationRole } from "../../src/db/application-role.ts";
import { createDatabase, dropDatabase, urlForDatabase } from "../../src/db/database-admin.ts";
import { createPrismaClient, type Database } from "../../src/db/prisma-client.ts";
// Brings in the types of what the global set-up provides (its `declare module "vitest"`).
import type {} from "./global-setup.ts";

export interface TestDatabase {
  url: string;
  /**
   * The server admin's client (it ran the migrations; a superuser, so row-level security does
   * not apply to it): for arranging data across authorities and inspecting what was written.
   */
  db: Database;
  /** The same database as the application role, as the API connects: row-level security applies. */
  app: Database;
  appUrl: string;
  drop(): Promise<void>;
}

const applicationClients = new WeakMap<Database, Database>();

/**
 * The application-role client of a test database, given its admin client. createTestApi(db)
 * serves the API through it, so every API test runs under row-level security exactly as
 * production does, while the test itself keeps arranging data through `db`.
 */
export function applicationClientFor(db: Database): Database | undefined {
  return applicationClients.get(db);
}

/** A fresh, migrated database of its own for one test file (a copy of the template). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject("postgresServerUrl");
  const name = `pathfinder_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  await createDatabase(serverUrl, name, inject("templateDatabase"));
  const url = urlForDatabase(serverUrl, name);
  const db = createPrismaClient(url, 5);
  const appUrl = asApplicationRole(url);
  const app = createPrismaClient(appUrl, 5);
  applicationClients.set(db, app);
  return {
    url,
    db,
    app,
    appUrl,
    drop: async () => {
      await app.$disconnect();
      await db.$disconnect();
      await dropDatabase(serverUrl, name);
    },
  };
}

/** An empty database (no migrations) on the test server, for migration tests. */
export async function createEmptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = inject("postgresServerUrl");
  const name = `pathfinder_test_empty_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  await createDatabase(serverUrl, name);
  return { url: urlForDatabase(serverUrl, name), drop: () => dropDatabase(serverUrl, name) };
}

/**
 * For a test file that works in SQL the API never sends (catalogues, EXPLAIN, bulk loads): a
 * database of its own and a plain `pg` client on it as the server admin, both made before the
 * file's tests and closed after them.
 */
export function testDatabaseWithSqlClient(): { database: TestDatabase; client: pg.Client } {
  const handle = {} as { database: TestDatabase; client: pg.Client };
  beforeAll(async () => {
    handle.database = await createTestDatabase();
    handle.client = new pg.Client({ connectionString: handle.database.url });
    await handle.client.connect();
  });
  afterAll(async () => {
    await handle.client?.end();
    await handle.database?.drop();
  });
  return handle;
}
