// Migration 0090 (and each plugin's x190) re-keys tables by authority. A fresh database gets
// the keys from those files in order; a database migrated before them already holds plugins'
// tables (and rows) when core's 0090 runs, since core's migrations run before any plugin's.
// Both must end with the same keys, and the rows already there must survive with their
// authority filled in where a column was added.
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { type MigrationSource, migrateDatabase, migrationSources } from "../../src/db/migrations.ts";
import { createEmptyDatabase, createTestDatabase } from "../support/test-database.ts";

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

/** Each source as it was before the keys changed: core below 0090, each plugin below its x190. */
function sourcesBeforeTheKeys(): MigrationSource[] {
  const folder = mkdtempSync(join(tmpdir(), "pathfinder-before-keys-"));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  return migrationSources().map((source) => {
    const copy = join(folder, source.name);
    cpSync(source.folder, copy, {
      recursive: true,
      filter: (path) => {
        const version = Number(/(\d+)\.do\.[^/]*$/.exec(path)?.[1] ?? Number.NaN);
        if (Number.isNaN(version)) return true;
        return source.name === "core" ? version < 90 : version % 100 < 90;
      },
    });
    return { name: source.name, folder: copy };
  });
}

async function keysOf(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`
      SELECT c.conrelid::regclass::text || ': ' || pg_get_constraintdef(c.oid) AS key
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace AND n.nspname = 'public'
      WHERE c.contype IN ('p', 'u', 'f') ORDER BY 1`);
    return rows.map((row) => row.key);
  } finally {
    await client.end();
  }
}

it("gives a database migrated before the keys changed, plugins' tables and rows included, the keys a fresh one has", async () => {
  const existing = await createEmptyDatabase();
  cleanups.push(existing.drop);
  const before = sourcesBeforeTheKeys();
  expect(readdirSync(before[0]!.folder)).not.toContain("0090.do.keys-by-authority.sql");
  await migrateDatabase(existing.url, before);

  const client = new pg.Client({ connectionString: existing.url });
  await client.connect();
  try {
    await client.query(`
      INSERT INTO authority (id, name, code) VALUES ('00000000-0000-4000-8000-00000000000a', 'Alphaton', 'alpha');
      INSERT INTO staff_user (id, authority_id, email, name)
        VALUES ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-00000000000a', 'lp@alpha.test', 'Lead');
      INSERT INTO session (staff_user_id, token_hash, method, expires_at)
        VALUES ('00000000-0000-4000-8000-0000000000a1', 'hash-a', 'password', now() + interval '1 hour');`);
    await migrateDatabase(existing.url);
    const session = await client.query("SELECT authority_id FROM session WHERE token_hash = 'hash-a'");
    expect(session.rows).toEqual([{ authority_id: "00000000-0000-4000-8000-00000000000a" }]);
    const login = await client.query("SELECT * FROM staff_login");
    expect(login.rows).toEqual([
      {
        email: "lp@alpha.test",
        authority_id: "00000000-0000-4000-8000-00000000000a",
        staff_user_id: "00000000-0000-4000-8000-0000000000a1",
      },
    ]);
  } finally {
    await client.end();
  }

  const fresh = await createTestDatabase();
  cleanups.push(fresh.drop);
  const freshKeys = await keysOf(fresh.url);
  expect(freshKeys).toContain("dorset_agreement: PRIMARY KEY (authority_id, id)");
  expect(await keysOf(existing.url)).toEqual(freshKeys);
});
