// National-scale seed into its own embedded PostgreSQL (.data/national-postgres), kept running.

import { hashPassword } from "../packages/core/src/auth/password-hashing.ts";
import { createDatabase, databaseExists, urlForDatabase } from "../packages/core/src/db/database-admin.ts";
import { startEmbeddedPostgres } from "../packages/core/src/db/embedded-postgres-server.ts";
import { migrateDatabase } from "../packages/core/src/db/migrations.ts";
import { seedScale } from "../packages/core/src/seed/scale/scale-seed.ts";

const server = await startEmbeddedPostgres({
  dataDirectory: "/work/main/.data/national-postgres",
  port: 55432,
  persistent: true,
});
const name = "national";
if (!(await databaseExists(server.adminUrl, name))) await createDatabase(server.adminUrl, name);
const url = urlForDatabase(server.adminUrl, name);
console.log("url", url);
await migrateDatabase(url);
const started = Date.now();
const result = await seedScale(url, {
  authorities: 150,
  cases: 1_000_000,
  seed: 1,
  areas: 6,
  caseload: 25,
  years: 2,
  passwordHash: await hashPassword("national-demo"),
  onStatement: (what: string, ms: number) =>
    console.log(`${new Date().toISOString()} ${(ms / 1000).toFixed(1)} s ${what.replace(/\s+/g, " ").slice(0, 100)}`),
});
console.log(
  JSON.stringify(result.rows),
  result.totalRows,
  result.seconds,
  result.rowsPerSecond,
  (Date.now() - started) / 1000,
);
await server.stop();
