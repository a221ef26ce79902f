import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPLICATION_ROLE } from "../../src/db/application-role.ts";
import { setAuthority, withAuthority } from "../../src/db/authority-scope.ts";
import { createPrismaClient, type Database } from "../../src/db/prisma-client.ts";
import type { AuthorityId } from "../../src/domain/ids.ts";
import { DEMO_PASSWORD } from "../../src/seed/demo-people.ts";
import { seedDemoData } from "../../src/seed/demo-seed.ts";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { seedTwoAuthorities, TEST_PASSWORD } from "../support/two-authorities.ts";

let database: TestDatabase;
let tenantTables: string[];
let kingsbridge: AuthorityId;
let alpha: AuthorityId;

/** Row counts per tenant table, as the given client sees them with no filter at all. */
async function countsSeenBy(client: Database | Parameters<Parameters<Database["$transaction"]>[0]>[0]) {
  const counts: Record<string, number> = {};
  for (const table of tenantTables) {
    const [row] = await client.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}"`);
    counts[table] = Number(row?.n);
  }
  return counts;
}

async function countsOwnedBy(authorityId: AuthorityId) {
  const counts: Record<string, number> = {};
  for (const table of tenantTables) {
    const [row] = await database.db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "${table}" WHERE authority_id = $1::uuid`,
      authorityId,
    );
    counts[table] = Number(row?.n);
  }
  return counts;
}

const zeroes = () => Object.fromEntries(tenantTables.map((table) => [table, 0]));

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db);
  const two = await seedTwoAuthorities(database.db);
  alpha = two.a.authorityId as AuthorityId;
  kingsbridge = (await database.db.authority.findFirstOrThrow({ where: { code: "kingsbridge-vale" } }))
    .id as AuthorityId;
  const rows = await database.db.$queryRaw<{ table_name: string }[]>`
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables t USING (table_schema, table_name)
    WHERE c.table_schema = 'public' AND c.column_name = 'authority_id' AND t.table_type = 'BASE TABLE'
    ORDER BY c.table_name`;
  tenantTables = rows.map((row) => row.table_name);
});
afterAll(() => database.drop());

describe("the database catalogue", () => {
  it("has forced row-level security, with a policy, on every table that has an authority_id column", async () => {
    const rows = await database.db.$queryRaw<{ table: string; enabled: boolean; forced: boolean; policies: number }[]>`
      SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
             (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
        AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'authority_id' AND NOT a.attisdropped)
      ORDER BY c.relname`;
    expect(rows.length).toBeGreaterThanOrEqual(25);
    const unprotected = rows.filter((row) => !row.enabled || !row.forced || row.policies === 0).map((row) => row.table);
    expect(unprotected).toEqual([]);
  });

  it("keys every tenant policy on the NULLIF'd app.authority_id setting, for reads and writes", async () => {
    const rows = await database.db.$queryRaw<{ table: string; using: string; check: string | null }[]>`
      SELECT c.relname AS table, pg_get_expr(p.polqual, p.polrelid) AS using, pg_get_expr(p.polwithcheck, p.polrelid) AS check
      FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid WHERE p.polname = 'authority_isolation'`;
    expect(rows.map((row) => row.table).sort()).toEqual([...tenantTables].sort());
    for (const row of rows) {
      expect(row.using).toContain("NULLIF(current_setting('app.authority_id'::text, true), ''::text)");
      expect(row.check).toBe(row.using);
    }
  });

  it("gives the API's role neither superuser nor BYPASSRLS, nor ownership of any table", async () => {
    const [role] = await database.db.$queryRaw<{ rolsuper: boolean; rolbypassrls: boolean; owned: number }[]>`
      SELECT r.rolsuper, r.rolbypassrls,
             (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owned
      FROM pg_roles r WHERE r.rolname = ${APPLICATION_ROLE}`;
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, owned: 0 });
    const [me] = await database.app.$queryRaw<{ user: string }[]>`SELECT current_user AS user`;
    expect(me?.user).toBe(APPLICATION_ROLE);
  });
});

describe("connected as the application role", () => {
  it("a query with no filter sees exactly the current authority's rows in every tenant table", async () => {
    const ownedByKingsbridge = await countsOwnedBy(kingsbridge);
    expect(ownedByKingsbridge.child).toBeGreaterThan(0);
    expect(ownedByKingsbridge.ledger_entry).toBeGreaterThan(0);
    expect(await withAuthority(database.app, kingsbridge, (tx) => countsSeenBy(tx))).toEqual(ownedByKingsbridge);
    expect(await withAuthority(database.app, alpha, (tx) => countsSeenBy(tx))).toEqual(await countsOwnedBy(alpha));
  });

  it("the Prisma client without any where clause returns only the current authority's children", async () => {
    const children = await withAuthority(database.app, alpha, (tx) => tx.child.findMany());
    expect(children).toEqual([]);
    const theirs = await withAuthority(database.app, kingsbridge, (tx) => tx.child.findMany());
    expect(theirs.length).toBeGreaterThan(0);
    expect(new Set(theirs.map((child) => child.authorityId))).toEqual(new Set([kingsbridge]));
  });

  it("sees nothing at all with the setting unset, or emptied as a pooled connection leaves it", async () => {
    expect(await countsSeenBy(database.app)).toEqual(zeroes());
    const emptied = await database.app.$transaction(async (tx) => {
      await setAuthority(tx, null);
      return countsSeenBy(tx);
    });
    expect(emptied).toEqual(zeroes());
  });

  it("cannot write a row into another authority, nor move one there", async () => {
    await expect(
      withAuthority(database.app, alpha, (tx) =>
        tx.supplier.create({ data: { authorityId: kingsbridge, name: "Smuggled Ltd" } }),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      withAuthority(database.app, kingsbridge, (tx) => tx.supplier.updateMany({ data: { authorityId: alpha } })),
    ).rejects.toThrow(/row-level security/);
    // And an update or delete aimed at another authority's rows finds none to touch.
    const touched = await withAuthority(database.app, alpha, (tx) =>
      tx.supplier.updateMany({ where: { authorityId: kingsbridge }, data: { preferred: true } }),
    );
    expect(touched.count).toBe(0);
  });

  it("a plain connection as the role cannot switch row-level security off", async () => {
    const client = new pg.Client({ connectionString: database.appUrl });
    await client.connect();
    try {
      await expect(client.query("ALTER TABLE child DISABLE ROW LEVEL SECURITY")).rejects.toThrow(/owner/);
      await expect(client.query("SET row_security = off; SELECT count(*) FROM child")).rejects.toThrow(
        /row-level security/,
      );
    } finally {
      await client.end();
    }
  });
});

describe("on a pool of one connection", () => {
  it("interleaved requests from two authorities never see each other's rows", async () => {
    const single = createPrismaClient(database.appUrl, 1);
    try {
      const api = createTestApi(single);
      const kingsbridgeToken = await api.signIn("lp@kingsbridge.example", DEMO_PASSWORD);
      const alphaToken = await api.signIn("admin@alpha.test", TEST_PASSWORD);
      const query = `{ staffUsers(first: 100) { edges { node { email } } } areas(first: 50) { edges { node { name } } } }`;
      const kingsbridgeEmails = (
        await database.db.staffUser.findMany({ where: { authorityId: kingsbridge }, select: { email: true } })
      ).map((person) => person.email);
      const rounds = 20;
      const results = await Promise.all(
        Array.from({ length: rounds * 2 }, (_, index) =>
          api.graphql(query, {}, index % 2 === 0 ? kingsbridgeToken : alphaToken).then((result) => ({ index, result })),
        ),
      );
      let kingsbridgeAnswers = 0;
      let alphaAnswers = 0;
      for (const { index, result } of results) {
        expect(result.errors).toBeUndefined();
        const emails: string[] = result.data?.staffUsers.edges.map((edge: any) => edge.node.email);
        const areas: string[] = result.data?.areas.edges.map((edge: any) => edge.node.name);
        if (index % 2 === 0) {
          kingsbridgeAnswers++;
          expect(emails.length).toBeGreaterThan(0);
          expect(emails.every((email) => kingsbridgeEmails.includes(email))).toBe(true);
          expect(areas.every((name) => !name.startsWith("Alphaton"))).toBe(true);
        } else {
          alphaAnswers++;
          expect(emails.sort()).toEqual(["admin@alpha.test", "lp@alpha.test"]);
          expect(areas.sort()).toEqual(["Alphaton North", "Alphaton South"]);
        }
      }
      expect([kingsbridgeAnswers, alphaAnswers]).toEqual([rounds, rounds]);
      // And the one connection, back in the pool, carries no authority into the next use.
      expect(await countsSeenBy(single)).toEqual(zeroes());
    } finally {
      await single.$disconnect();
    }
  });
});
