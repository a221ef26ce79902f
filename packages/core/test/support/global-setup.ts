// Starts one PostgreSQL server for the whole test run (or uses the server named by
// DATABASE_URL), and builds a migrated template database that each test file copies.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { allowApplicationLogin } from "../../src/db/application-role.ts";
import { createDatabase, dropDatabase, urlForDatabase } from "../../src/db/database-admin.ts";
import { startEmbeddedPostgres } from "../../src/db/embedded-postgres-server.ts";
import { migrateDatabase } from "../../src/db/migrations.ts";
import { freePort } from "./free-port.ts";

declare module "vitest" {
  export interface ProvidedContext {
    postgresServerUrl: string;
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  let serverUrl = process.env.DATABASE_URL;
  let stopServer = async () => {};
  if (!serverUrl) {
    const dataDirectory = mkdtempSync(join(tmpdir(), "pathfinder-test-pg-"));
    const port = await freePort();
    const server = await startEmbeddedPostgres({ dataDirectory, port, persistent: false });
    serverUrl = server.adminUrl;
    stopServer = async () => {
      await server.stop();
      rmSync(dataDirectory, { recursive: true, force: true });
    };
  }
  const templateDatabase = `pathfinder_test_template_${process.pid}`;
  await dropDatabase(serverUrl, templateDatabase);
  await createDatabase(serverUrl, templateDatabase);
  await migrateDatabase(urlForDatabase(serverUrl, templateDatabase));
  // The API under test connects as the application role (row-level security applies to it);
  // tests arrange and inspect data as the server's admin, which ran the migrations.
  await allowApplicationLogin(urlForDatabase(serverUrl, templateDatabase));

  project.provide("postgresServerUrl", serverUrl);
  project.provide("templateDatabase", templateDatabase);

  return async () => {
    await dropDatabase(serverUrl, templateDatabase);
    await stopServer();
  };
}
