import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { createDatabase, dropDatabase, urlForDatabase } from "../../src/db/database-admin.ts";
import { createPrismaClient, type Database } from "../../src/db/prisma-client.ts";
// Brings in the types of what the global set-up provides (its `declare module "vitest"`).
import type {} from "./global-setup.ts";

export interface TestDatabase {
  url: string;
  db: Database;
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own for one test file (a copy of the template). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject("postgresServerUrl");
  const name = `pathfinder_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  await createDatabase(serverUrl, name, inject("templateDatabase"));
  const url = urlForDatabase(serverUrl, name);
  const db = createPrismaClient(url, 5);
  return {
    url,
    db,
    drop: async () => {
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
