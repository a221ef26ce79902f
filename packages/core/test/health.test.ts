import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "../src/db/embedded-postgres-server.ts";
import { createPrismaClient } from "../src/db/prisma-client.ts";
import { createTestApi } from "./support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe("health endpoints", () => {
  it("/healthz answers while the process is alive", async () => {
    const response = await createTestApi(database.db).request("/healthz");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("/readyz reports the database up when it answers", async () => {
    const response = await createTestApi(database.db).request("/readyz");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ready: true, database: "up" });
  });

  it("/readyz reports 503 and the database down once the database server has stopped", async () => {
    const dataDirectory = mkdtempSync(join(tmpdir(), "pathfinder-readyz-"));
    const server = await startEmbeddedPostgres({
      dataDirectory,
      port: 54000 + Math.floor(Math.random() * 900),
      persistent: false,
    });
    const db = createPrismaClient(server.adminUrl, 1);
    try {
      const api = createTestApi(db);
      expect((await api.request("/readyz")).status).toBe(200);
      await server.stop();
      const response = await api.request("/readyz");
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ ready: false, database: "down" });
    } finally {
      await db.$disconnect().catch(() => {});
      rmSync(dataDirectory, { recursive: true, force: true });
    }
  });
});
