// The documented backup and restore (docs/operations/backup-and-restore.md), run for real:
// pg_dump of a database with demo data and money moved, pg_restore into a fresh database, and
// the restored ledger compared row for row, with every budget's balances.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase, dropDatabase, urlForDatabase } from "../../src/db/database-admin.ts";
import { migrateDatabase } from "../../src/db/migrations.ts";
import { createPrismaClient } from "../../src/db/prisma-client.ts";
import { seedDemoData } from "../../src/seed/demo-seed.ts";
import { clientMajor, serverMajor, startDebianPostgres } from "./matched-postgres.ts";

let adminUrl: string;
let stopServer = () => {};
let folder: string;
const SOURCE = "pathfinder_backup_source";
const RESTORED = "pathfinder_backup_restored";

async function rows(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

const LEDGER = `SELECT id, authority_id, budget_id, kind, amount, purchase_request_id, created_by_id, note, created_at, sequence
  FROM ledger_entry ORDER BY sequence`;
const BALANCES = "SELECT id, authority_id, status, allocated, committed, spent, lapsed FROM budget ORDER BY id";
const FROM_LEDGER = `SELECT b.id,
    b.allocated = COALESCE(SUM(e.amount) FILTER (WHERE e.kind = 'ALLOCATION'), 0)
    AND b.committed = COALESCE(SUM(CASE e.kind WHEN 'COMMITMENT' THEN e.amount WHEN 'RELEASE' THEN -e.amount WHEN 'SPEND' THEN -e.amount END), 0)
    AND b.spent = COALESCE(SUM(CASE e.kind WHEN 'SPEND' THEN e.amount WHEN 'RETURN' THEN -e.amount END), 0)
    AND b.lapsed = COALESCE(SUM(e.amount) FILTER (WHERE e.kind = 'LAPSE'), 0) AS agrees
  FROM budget b LEFT JOIN ledger_entry e ON e.authority_id = b.authority_id AND e.budget_id = b.id
  GROUP BY b.authority_id, b.id ORDER BY b.id`;

beforeAll(async () => {
  const testServer = inject("postgresServerUrl");
  const major = clientMajor("pg_dump");
  if ((await serverMajor(testServer)) === major) adminUrl = testServer;
  else {
    const server = await startDebianPostgres(major);
    adminUrl = server.adminUrl;
    stopServer = server.stop;
  }
  folder = mkdtempSync(join(tmpdir(), "pathfinder-backup-"));
  await dropDatabase(adminUrl, SOURCE);
  await dropDatabase(adminUrl, RESTORED);
  await createDatabase(adminUrl, SOURCE);
  await migrateDatabase(urlForDatabase(adminUrl, SOURCE));
  const db = createPrismaClient(urlForDatabase(adminUrl, SOURCE), 2);
  await seedDemoData(db);
  await db.$disconnect();
}, 120_000);
afterAll(async () => {
  await dropDatabase(adminUrl, SOURCE).catch(() => {});
  await dropDatabase(adminUrl, RESTORED).catch(() => {});
  stopServer();
  rmSync(folder, { recursive: true, force: true });
});

describe("backup and restore with pg_dump and pg_restore", () => {
  it("restores an identical ledger, identical balances, and a database that still guards its money", async () => {
    const source = urlForDatabase(adminUrl, SOURCE);
    const restored = urlForDatabase(adminUrl, RESTORED);
    const dump = join(folder, "pathfinder.dump");
    // Exactly the commands of the runbook.
    execFileSync("pg_dump", ["--format=custom", `--file=${dump}`, `--dbname=${source}`]);
    await createDatabase(adminUrl, RESTORED);
    execFileSync("pg_restore", ["--exit-on-error", "--single-transaction", `--dbname=${restored}`, dump]);

    const ledger = await rows(source, LEDGER);
    expect(ledger.length).toBeGreaterThanOrEqual(10);
    expect(new Set(ledger.map((row) => row.kind)).size).toBeGreaterThanOrEqual(4);
    expect(await rows(restored, LEDGER)).toEqual(ledger);
    expect(await rows(restored, BALANCES)).toEqual(await rows(source, BALANCES));
    expect((await rows(restored, FROM_LEDGER)).every((row) => row.agrees)).toBe(true);
    // Every table, row for row in number (the ledger above, row for row in content).
    const tables = await rows(source, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
    expect(tables.length).toBeGreaterThan(20);
    for (const { tablename } of tables) {
      const count = `SELECT count(*)::int AS n FROM "${tablename}"`;
      expect(await rows(restored, count), tablename).toEqual(await rows(source, count));
    }

    console.info(
      `backup round trip: PostgreSQL ${await serverMajor(adminUrl)}, ${ledger.length} ledger rows identical, ${tables.length} tables with equal counts`,
    );

    // The restored database keeps its guards and carries on where the source stopped.
    await expect(rows(restored, "UPDATE budget SET allocated = allocated + 1")).rejects.toThrow(
      /budget_totals_from_ledger/,
    );
    await expect(rows(restored, "DELETE FROM ledger_entry")).rejects.toThrow(/append-only/);
    const [budget] = await rows(restored, "SELECT id, authority_id FROM budget ORDER BY id LIMIT 1");
    await rows(
      restored,
      `INSERT INTO ledger_entry (authority_id, budget_id, kind, amount, note) VALUES ('${budget.authority_id}', '${budget.id}', 'ALLOCATION', 100, 'after restore')`,
    );
    const [last] = await rows(restored, "SELECT max(sequence)::bigint AS s FROM ledger_entry");
    expect(Number(last.s)).toBe(Number(ledger.at(-1)?.sequence) + 1);
    expect((await rows(restored, FROM_LEDGER)).every((row) => row.agrees)).toBe(true);
  }, 120_000);
});
