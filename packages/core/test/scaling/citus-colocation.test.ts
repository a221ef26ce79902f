// Citus can distribute Pathfinder's tables by authority only if the schema keeps its rules for
// co-located tables (docs/scaling.md): the distribution column, authority_id, is in every
// primary key and every unique constraint of a distributed table, and every foreign key between
// distributed tables includes it on both sides. Checked on the migrated catalogue, so a table
// added by any migration (core's or a plugin's) is checked too, even where Citus is not installed.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

/**
 * Tables replicated whole to every node (Citus reference tables). Small, and read where the
 * authority is not yet known or across authorities: `authority` (every query's fence; names and
 * codes unique platform-wide) and `staff_login` (e-mail address → member of staff, read by
 * sign-in; it keeps addresses unique platform-wide). Distributed tables may hold foreign keys to
 * a reference table; a reference table may hold them only to reference or coordinator-local
 * tables, never to a distributed one.
 */
const referenceTables = new Set(["authority", "staff_login"]);
/**
 * Plain tables that stay on the coordinator (Citus local tables): `schemaversion`, the migration
 * runner's bookkeeping, and `sign_in_attempt`, counted by the e-mail address as typed before
 * anyone knows the authority (known to Pathfinder or not). Citus allows no foreign key between
 * such a table and a distributed one, in either direction.
 */
const coordinatorLocalTables = new Set(["schemaversion", "sign_in_attempt"]);
const distributionColumnOf = (_table: string) => "authority_id";

/**
 * What the schema does not yet meet, each with why and what changes it (docs/scaling.md,
 * "What changes in migrations"). The test fails on anything not listed, so new tables must
 * follow the rules; and on anything listed that has been fixed, so the list only shrinks.
 * Migration 0090 (and each plugin's x190) closed every gap there was.
 */
const knownGaps = new Set<string>([]);

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

type Category = "distributed" | "reference" | "coordinator-local";

/** Every breach of Citus's co-location rules, in words. */
function breaches(catalogue: Catalogue): string[] {
  const categoryOf = (table: string): Category | undefined =>
    referenceTables.has(table)
      ? "reference"
      : coordinatorLocalTables.has(table)
        ? "coordinator-local"
        : (catalogue.tables.get(table) ?? []).includes(distributionColumnOf(table))
          ? "distributed"
          : undefined;
  const distributed = (table: string) => categoryOf(table) === "distributed";
  const problems: string[] = [];
  for (const table of catalogue.tables.keys())
    if (!categoryOf(table))
      problems.push(
        `${table}: no authority_id to distribute it by, and not declared a reference or coordinator-local table`,
      );
  for (const c of catalogue.constraints) {
    const from = categoryOf(c.table);
    const to = c.refTable ? categoryOf(c.refTable) : undefined;
    if (c.type === "f" && from === "reference" && to === "distributed")
      problems.push(`${c.table}: foreign key ${c.name} from a reference table to a distributed one (${c.refTable})`);
    if (c.type === "f" && from === "coordinator-local" && to === "distributed")
      problems.push(
        `${c.table}: foreign key ${c.name} from a coordinator-local table to a distributed one (${c.refTable})`,
      );
    if (c.type === "f" && from === "distributed" && to === "coordinator-local")
      problems.push(
        `${c.table}: foreign key ${c.name} from a distributed table to a coordinator-local one (${c.refTable})`,
      );
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
        ["staff_login", ["email", "authority_id", "staff_user_id"]],
        ["sign_in_attempt", ["id", "account"]],
        ["widget", ["id", "authority_id", "code", "attempt_id"]],
        ["gadget", ["id", "widget_id"]],
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
        {
          table: "widget",
          name: "widget_attempt_fk",
          type: "f",
          columns: ["attempt_id"],
          refTable: "sign_in_attempt",
          refColumns: ["id"],
        },
        {
          table: "staff_login",
          name: "staff_login_widget_fk",
          type: "f",
          columns: ["authority_id", "staff_user_id"],
          refTable: "widget",
          refColumns: ["authority_id", "id"],
        },
      ],
      uniqueIndexes: [{ table: "widget", name: "widget_lower_code", columns: ["code"] }],
    };
    expect(breaches(broken)).toEqual([
      "gadget: no authority_id to distribute it by, and not declared a reference or coordinator-local table",
      "staff_login: foreign key staff_login_widget_fk from a reference table to a distributed one (widget)",
      "widget: foreign key widget_attempt_fk from a distributed table to a coordinator-local one (sign_in_attempt)",
      "widget: primary key (id) lacks authority_id",
      "widget: unique (code) lacks authority_id",
      "widget: unique index widget_lower_code (code) lacks authority_id",
    ]);
  });

  it("has authority_id in every primary key, unique constraint and foreign key between distributed tables", () => {
    const found = breaches(catalogue);
    const unknown = found.filter((problem) => !knownGaps.has(problem));
    const fixed = [...knownGaps].filter((gap) => !found.includes(gap));
    expect({ unknown, fixed }).toEqual({ unknown: [], fixed: [] });
  });
});
