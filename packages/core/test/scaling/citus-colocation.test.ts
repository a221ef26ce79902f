// Citus can distribute Pathfinder's tables by authority only if the schema keeps its rules for
// co-located tables (docs/scaling.md): the distribution column, authority_id, is in every
// primary key and every unique constraint of a distributed table, and every foreign key between
// distributed tables includes it on both sides. Checked on the migrated catalogue, so a table
// added by any migration (core's or a plugin's) is checked too, even where Citus is not installed.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

/**
 * Tables that are not distributed: replicated whole to every node (Citus reference tables).
 * `authority` is one: small, read by every query's fence, and its name and code stay unique
 * platform-wide; distributed tables may hold foreign keys to a reference table.
 */
const referenceTables = new Set(["schemaversion", "authority"]);
const distributionColumnOf = (_table: string) => "authority_id";

/**
 * What the schema does not yet meet, each with why and what changes it (docs/scaling.md,
 * "What changes in migrations"). The test fails on anything not listed, so new tables must
 * follow the rules; and on anything listed that has been fixed, so the list only shrinks.
 */
const knownGaps = new Set<string>([
  // Primary keys are the row's uuid alone; every foreign key already targets the
  // UNIQUE (authority_id, id) each table carries, so the change is a PK swap per table.
  "approval_step: primary key (id) lacks authority_id",
  "area: primary key (id) lacks authority_id",
  "assessment: primary key (id) lacks authority_id",
  "attachment: primary key (id) lacks authority_id",
  "audit_event: primary key (id) lacks authority_id",
  "budget: primary key (id) lacks authority_id",
  "case_record: primary key (id) lacks authority_id",
  "child: primary key (id) lacks authority_id",
  "decision: primary key (id) lacks authority_id",
  "delegation: primary key (id) lacks authority_id",
  "dorset_agreement: primary key (id) lacks authority_id",
  "household: primary key (id) lacks authority_id",
  "ledger_entry: primary key (id) lacks authority_id",
  "leeds_case_study: primary key (id) lacks authority_id",
  "purchase_item: primary key (id) lacks authority_id",
  "purchase_request: primary key (id) lacks authority_id",
  "purchase_status_change: primary key (id) lacks authority_id",
  "receipt: primary key (id) lacks authority_id",
  "review: primary key (id) lacks authority_id",
  "role_assignment: primary key (id) lacks authority_id",
  "scheme_settings: primary key (id) lacks authority_id",
  "staff_user: primary key (id) lacks authority_id",
  "supplier: primary key (id) lacks authority_id",
  "team_meeting: primary key (id) lacks authority_id",
  "unmet_need: primary key (id) lacks authority_id",
  // Natural keys inside one parent row: add authority_id at the front.
  "approval_step: unique (purchase_request_id,round,position) lacks authority_id",
  "purchase_item: unique (purchase_request_id,position) lacks authority_id",
  "role_assignment: unique (staff_user_id,role,area_id) lacks authority_id",
  // Sign-in finds a person by e-mail across the platform: a distributed table cannot keep
  // that unique; it moves to a small reference table of logins (docs/scaling.md).
  "staff_user: unique (email) lacks authority_id",
  // Keys that are not an id: a pair inside one case, and stored files keyed by storage key.
  "case_child: primary key (case_id,child_id) lacks authority_id",
  "stored_file: primary key (key) lacks authority_id",
  // A decision's step by id alone; the composite (authority_id, step_id) key is the fix.
  // Added by the single sign-on and notifications work (merged 2026-11-24): the same PK swap
  // and natural keys led by authority_id; a sign-in attempt is looked up by its browser hash
  // before the authority is known, like a session (see docs/scaling.md, point 4).
  "external_identity: primary key (id) lacks authority_id",
  "external_identity: unique (identity_provider_id,subject) lacks authority_id",
  "identity_provider: primary key (id) lacks authority_id",
  "identity_provider_group_role: primary key (id) lacks authority_id",
  "identity_provider_group_role: unique (identity_provider_id,group_name,role,area_id) lacks authority_id",
  "notification: primary key (id) lacks authority_id",
  "oidc_sign_in: primary key (id) lacks authority_id",
  "oidc_sign_in: unique (browser_hash) lacks authority_id",
  // Sessions carry no authority: they gain authority_id (the token names the person, and so it).
  "session: no authority_id, so it can be neither distributed nor (with its foreign keys) a reference table",
  // Sign-in attempts are counted by e-mail address before anyone knows the authority.
  "sign_in_attempt: no authority_id, so it can be neither distributed nor (with its foreign keys) a reference table",
]);

interface Catalogue {
  tables: Map<string, string[]>;
  constraints: {
    table: string;
    name: string;
    type: "p" | "u" | "f";
    columns: string[];
    refTable?: string;
    refColumns?: string[];
  }[];
  uniqueIndexes: { table: string; name: string; columns: string[] }[];
}

async function readCatalogue(url: string): Promise<Catalogue> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query(`
      SELECT c.relname AS table, array_agg(a.attname::text ORDER BY a.attnum) AS columns
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE c.relkind IN ('r', 'p') GROUP BY c.relname`);
    const constraints = await client.query(`
      SELECT t.relname AS table, con.conname AS name, con.contype AS type,
        (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
           JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS columns,
        r.relname AS "refTable",
        (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
           JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum) AS "refColumns"
      FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
      LEFT JOIN pg_class r ON r.oid = con.confrelid
      WHERE con.contype IN ('p', 'u', 'f')`);
    // Unique indexes made without a constraint (CREATE UNIQUE INDEX) count as unique constraints.
    const indexes = await client.query(`
      SELECT t.relname AS table, i.relname AS name,
        (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(x.indkey) WITH ORDINALITY k(attnum, ord)
           JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum) AS columns
      FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
      WHERE x.indisunique AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`);
    return {
      tables: new Map(columns.rows.map((row) => [row.table, row.columns])),
      constraints: constraints.rows,
      uniqueIndexes: indexes.rows,
    };
  } finally {
    await client.end();
  }
}

/** Every breach of Citus's co-location rules, in words. */
function breaches(catalogue: Catalogue): string[] {
  const distributed = (table: string) =>
    !referenceTables.has(table) && (catalogue.tables.get(table) ?? []).includes(distributionColumnOf(table));
  const problems: string[] = [];
  for (const [table, columns] of catalogue.tables) {
    if (referenceTables.has(table)) continue;
    if (!columns.includes(distributionColumnOf(table)))
      problems.push(
        `${table}: no authority_id, so it can be neither distributed nor (with its foreign keys) a reference table`,
      );
  }
  for (const c of catalogue.constraints) {
    if (!distributed(c.table)) continue;
    const key = distributionColumnOf(c.table);
    if (c.type === "p" && !c.columns.includes(key))
      problems.push(`${c.table}: primary key (${c.columns}) lacks ${key}`);
    if (c.type === "u" && !c.columns.includes(key)) problems.push(`${c.table}: unique (${c.columns}) lacks ${key}`);
    if (c.type === "f" && c.refTable && distributed(c.refTable)) {
      const at = c.columns.indexOf(key);
      const refKey = distributionColumnOf(c.refTable);
      if (at < 0 || c.refColumns?.[at] !== refKey)
        problems.push(
          `${c.table}: foreign key ${c.name} (${c.columns}) → ${c.refTable} (${c.refColumns}) does not pair ${key} with ${refKey}`,
        );
    }
  }
  for (const index of catalogue.uniqueIndexes)
    if (distributed(index.table) && !index.columns.includes(distributionColumnOf(index.table)))
      problems.push(`${index.table}: unique index ${index.name} (${index.columns}) lacks authority_id`);
  return problems.sort();
}

describe("the schema keeps Citus's rules for tables co-located by authority", () => {
  let database: TestDatabase;
  let catalogue: Catalogue;
  beforeAll(async () => {
    database = await createTestDatabase();
    catalogue = await readCatalogue(database.url);
  });
  afterAll(() => database.drop());

  it("finds a breach when there is one (the check itself works)", () => {
    const broken: Catalogue = {
      tables: new Map([
        ["authority", ["id"]],
        ["widget", ["id", "authority_id", "code"]],
      ]),
      constraints: [
        { table: "widget", name: "widget_pkey", type: "p", columns: ["id"] },
        { table: "widget", name: "widget_code_key", type: "u", columns: ["code"] },
        {
          table: "widget",
          name: "widget_fk",
          type: "f",
          columns: ["authority_id"],
          refTable: "authority",
          refColumns: ["id"],
        },
      ],
      uniqueIndexes: [],
    };
    expect(breaches(broken)).toEqual([
      "widget: primary key (id) lacks authority_id",
      "widget: unique (code) lacks authority_id",
    ]);
  });

  it("has authority_id in every primary key, unique constraint and foreign key between distributed tables", () => {
    const found = breaches(catalogue);
    const unknown = found.filter((problem) => !knownGaps.has(problem));
    const fixed = [...knownGaps].filter((gap) => !found.includes(gap));
    expect({ unknown, fixed }).toEqual({ unknown: [], fixed: [] });
  });
});
