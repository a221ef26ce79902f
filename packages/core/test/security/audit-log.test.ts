import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../src/audit/audit-chain.ts";
import { recordAudit } from "../../src/audit/audit-log.ts";
import { withAuthority } from "../../src/db/authority-scope.ts";
import type { AuthorityId, StaffUserId } from "../../src/domain/ids.ts";
import type { Viewer } from "../../src/permissions/viewer.ts";
import { DEMO_PASSWORD } from "../../src/seed/demo-people.ts";
import { seedDemoData } from "../../src/seed/demo-seed.ts";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

let database: TestDatabase;
let authorityId: AuthorityId;
let viewer: Viewer;

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");

/** Runs SQL as the server admin with triggers off: what an attacker with the database's keys could do. */
async function tamper(sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query("SET session_replication_role = replica");
    await client.query(sql, params);
  } finally {
    await client.end();
  }
}

async function appendEntries(count: number, label: string) {
  for (let index = 0; index < count; index++)
    await withAuthority(database.app, authorityId, (tx) =>
      recordAudit(tx, viewer, {
        action: "test.entry",
        entityType: "Test",
        entityId: viewer.id,
        summary: `${label} ${index}`,
      }),
    );
}

async function entriesInOrder() {
  return database.db.auditEvent.findMany({ where: { authorityId }, orderBy: { sequence: "asc" } });
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db);
  const admin = await database.db.staffUser.findUniqueOrThrow({ where: { email: "admin@kingsbridge.example" } });
  authorityId = admin.authorityId as AuthorityId;
  viewer = {
    id: admin.id as StaffUserId,
    authorityId,
    name: admin.name,
    email: admin.email,
    roles: [{ role: "AUTHORITY_ADMIN", areaId: null }],
    cover: [],
  };
});
afterAll(() => database.drop());

describe("the audit log is append-only for the application role", () => {
  it("refuses UPDATE, DELETE and TRUNCATE by privilege, before any trigger", async () => {
    const client = new pg.Client({ connectionString: database.appUrl });
    await client.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT set_config('app.authority_id', $1, true)", [authorityId]);
      for (const sql of [
        "UPDATE audit_event SET summary = 'rewritten'",
        "DELETE FROM audit_event",
        "TRUNCATE audit_event",
      ]) {
        await client.query("SAVEPOINT attempt");
        await expect(client.query(sql)).rejects.toThrow(/permission denied/);
        await client.query("ROLLBACK TO SAVEPOINT attempt");
      }
      await client.query("ROLLBACK");
    } finally {
      await client.end();
    }
    const [grants] = await database.db.$queryRaw<{ update: boolean; delete: boolean; insert: boolean }[]>`
      SELECT has_table_privilege('pathfinder_app', 'audit_event', 'UPDATE') AS update,
             has_table_privilege('pathfinder_app', 'audit_event', 'DELETE') AS delete,
             has_table_privilege('pathfinder_app', 'audit_event', 'INSERT') AS insert`;
    expect(grants).toEqual({ update: false, delete: false, insert: true });
  });

  it("and the trigger refuses a change to a sealed entry even from the owner", async () => {
    await appendEntries(1, "sealed");
    await expect(database.db.auditEvent.updateMany({ where: { authorityId }, data: { summary: "x" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(database.db.auditEvent.deleteMany({ where: { authorityId } })).rejects.toThrow(/append-only/);
  });
});

describe("the hash chain", () => {
  it("links every entry of an authority to the one before, and verifies intact", async () => {
    await appendEntries(5, "chained");
    const entries = await entriesInOrder();
    expect(entries.length).toBeGreaterThan(5);
    expect(entries[0]?.prevHash).toBeNull();
    for (let index = 1; index < entries.length; index++)
      expect(entries[index]?.prevHash).toBe(entries[index - 1]?.hash);
    const verdict = await verifyAuditChain(database.app, authorityId);
    expect(verdict).toMatchObject({ entries: entries.length, problems: [], head: entries.at(-1)?.hash });
  });

  it("stays one unbroken chain under 40 concurrent writers", async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        withAuthority(database.app, authorityId, (tx) =>
          recordAudit(tx, viewer, {
            action: "test.concurrent",
            entityType: "Test",
            entityId: viewer.id,
            summary: `c${index}`,
          }),
        ),
      ),
    );
    const verdict = await verifyAuditChain(database.app, authorityId);
    expect(verdict.problems).toEqual([]);
    expect((await entriesInOrder()).filter((entry) => entry.action === "test.concurrent")).toHaveLength(40);
  });

  describe("detects tampering", () => {
    let pristine: Awaited<ReturnType<typeof entriesInOrder>>;
    beforeAll(async () => {
      pristine = await entriesInOrder();
    });
    // Each case tampers, checks, and puts the row back exactly as it was.
    const restore = async () => {
      await tamper("DELETE FROM audit_event WHERE authority_id = $1", [authorityId]);
      for (const entry of pristine)
        await tamper(
          `INSERT INTO audit_event (id, authority_id, actor_id, action, entity_type, entity_id, case_id, summary, before, after, at, sequence, prev_hash, hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
          [
            entry.id,
            entry.authorityId,
            entry.actorId,
            entry.action,
            entry.entityType,
            entry.entityId,
            entry.caseId,
            entry.summary,
            entry.before === null ? null : JSON.stringify(entry.before),
            entry.after === null ? null : JSON.stringify(entry.after),
            entry.at,
            entry.sequence,
            entry.prevHash,
            entry.hash,
          ],
        );
      expect((await verifyAuditChain(database.app, authorityId)).problems).toEqual([]);
    };

    it("a changed entry", async () => {
      const target = pristine[3];
      await tamper("UPDATE audit_event SET summary = 'nothing to see here' WHERE id = $1", [target?.id]);
      const verdict = await verifyAuditChain(database.app, authorityId);
      expect(verdict.problems).toEqual([{ sequence: String(target?.sequence), id: target?.id, problem: "changed" }]);
      await restore();
    });

    it("a changed entry whose hash was recomputed to match", async () => {
      const target = pristine[3];
      await tamper("UPDATE audit_event SET summary = 'nothing to see here' WHERE id = $1", [target?.id]);
      await tamper("UPDATE audit_event e SET hash = audit_event_hash(e) WHERE id = $1", [target?.id]);
      const verdict = await verifyAuditChain(database.app, authorityId);
      // The next entry still names the old hash: the chain breaks right after the change.
      expect(verdict.problems).toEqual([
        { sequence: String(pristine[4]?.sequence), id: pristine[4]?.id, problem: "broken-link" },
      ]);
      await restore();
    });

    it("a deleted entry", async () => {
      const target = pristine[2];
      await tamper("DELETE FROM audit_event WHERE id = $1", [target?.id]);
      const verdict = await verifyAuditChain(database.app, authorityId);
      expect(verdict.problems).toEqual([
        { sequence: String(pristine[3]?.sequence), id: pristine[3]?.id, problem: "broken-link" },
      ]);
      await restore();
    });

    it("two entries swapped in order", async () => {
      const [first, second] = [pristine[1], pristine[2]];
      await tamper("UPDATE audit_event SET sequence = -1 WHERE id = $1", [first?.id]);
      await tamper("UPDATE audit_event SET sequence = $2 WHERE id = $1", [second?.id, first?.sequence]);
      await tamper("UPDATE audit_event SET sequence = $2 WHERE id = $1", [first?.id, second?.sequence]);
      const verdict = await verifyAuditChain(database.app, authorityId);
      expect(verdict.problems.length).toBeGreaterThan(0);
      expect(verdict.problems.map((problem) => problem.id)).toEqual(expect.arrayContaining([first?.id, second?.id]));
      await restore();
    });
  });
});

describe("npm run audit:verify", () => {
  it("reports every authority's chain intact, with its head, and exits 0", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["../../node_modules/tsx/dist/cli.mjs", "src/audit/verify-audit-chain-cli.ts"],
      { env: { ...process.env, DATABASE_URL: database.url } },
    );
    expect(stdout).toContain(`${authorityId}: `);
    expect(stdout).toMatch(/entries, intact, head [0-9a-f]{64}/);
    expect(stdout).not.toContain("BROKEN");
  });
});

describe("a read whose audit entry cannot be written", () => {
  it("fails, and returns nothing of the record", async () => {
    const api = createTestApi(database.db);
    const link = await database.db.caseChild.findFirstOrThrow({
      where: { case: { leadProfessional: { email: "lp@kingsbridge.example" } } },
    });
    const token = await api.signIn("lp@kingsbridge.example", DEMO_PASSWORD);
    const read = `query ($id: ID!) { child(id: $id) { givenName } }`;
    expect((await api.graphql(read, { id: globalId("Child", link.childId) }, token)).data?.child.givenName).toEqual(
      expect.any(String),
    );
    // The audit log stops accepting child reads (a full disk, a broken constraint, …).
    await database.db.$executeRawUnsafe(
      "ALTER TABLE audit_event ADD CONSTRAINT no_reads_logged CHECK (action <> 'child.read') NOT VALID",
    );
    try {
      const result = await api.graphql(read, { id: globalId("Child", link.childId) }, token);
      expect(result.data?.child ?? null).toBeNull();
      expect(result.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(result)).not.toMatch(/givenName":"[A-Z]/);
    } finally {
      await database.db.$executeRawUnsafe("ALTER TABLE audit_event DROP CONSTRAINT no_reads_logged");
    }
  });
});
