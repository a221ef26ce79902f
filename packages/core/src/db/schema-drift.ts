// Compares the Prisma schema (what the client and Pothos believe) with the migrated
// database (what the SQL migrations built). Prisma Migrate would catch drift for us, but it
// cannot run on our machines (see shared toolchain notes), so this check stands in for it.
import { readdirSync, readFileSync } from "node:fs";
import internals from "@prisma/internals";
import pg from "pg";
import { repositoryRoot } from "./repository-paths.ts";

/** "table.column" → "type not null"; "table" index keys like "unique(a,b)"; enum values. */
export interface SchemaShape {
  columns: Map<string, string>;
  indexes: Set<string>;
  enums: Map<string, string>;
}

const scalarTypes: Record<string, string> = {
  String: "text",
  Int: "int4",
  BigInt: "int8",
  Boolean: "bool",
  DateTime: "timestamp(3)",
  Json: "jsonb",
  Bytes: "bytea",
  Decimal: "numeric",
  Float: "float8",
};
const nativeTypes: Record<string, string> = {
  Uuid: "uuid",
  Timestamptz: "timestamptz",
  Timestamp: "timestamp",
  Date: "date",
  VarChar: "varchar",
  Text: "text",
  Integer: "int4",
  SmallInt: "int2",
  JsonB: "jsonb",
};

function prismaColumnType(
  field: { type: string; kind: string; isList: boolean; nativeType?: unknown },
  enumDbNames: Map<string, string>,
): string {
  let type: string;
  const native = field.nativeType as [string, string[]] | undefined;
  if (field.kind === "enum") type = enumDbNames.get(field.type) ?? field.type;
  else if (native) {
    type = nativeTypes[native[0]] ?? native[0].toLowerCase();
    if (type.startsWith("timestamp")) type += `(${native[1][0] ?? 6})`;
  } else type = scalarTypes[field.type] ?? field.type;
  return field.isList ? `${type}[]` : type;
}

export async function schemaFromPrisma(schemaFolder = `${repositoryRoot}prisma/schema/`): Promise<SchemaShape> {
  const files = readdirSync(schemaFolder)
    .filter((name) => name.endsWith(".prisma"))
    .map((name): [string, string] => [schemaFolder + name, readFileSync(schemaFolder + name, "utf8")]);
  const { datamodel } = await internals.getDMMF({ datamodel: files });
  const shape: SchemaShape = { columns: new Map(), indexes: new Set(), enums: new Map() };
  const enumDbNames = new Map(datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  for (const e of datamodel.enums)
    shape.enums.set(e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name).join(","));
  const tableOf = new Map(datamodel.models.map((m) => [m.name, m.dbName ?? m.name]));
  const columnOf = new Map<string, string>();
  for (const model of datamodel.models) {
    const table = tableOf.get(model.name);
    for (const field of model.fields) {
      if (field.kind === "object") continue;
      const column = field.dbName ?? field.name;
      columnOf.set(`${model.name}.${field.name}`, column);
      const nullability = field.isRequired ? "not null" : "null";
      shape.columns.set(`${table}.${column}`, `${prismaColumnType(field, enumDbNames)} ${nullability}`);
    }
  }
  const kinds: Record<string, string> = { id: "primary key", unique: "unique", normal: "index" };
  for (const index of datamodel.indexes) {
    const columns = index.fields.map((f) => columnOf.get(`${index.model}.${f.name}`) ?? f.name);
    shape.indexes.add(`${tableOf.get(index.model)} ${kinds[index.type] ?? index.type}(${columns.join(",")})`);
  }
  return shape;
}

export async function schemaFromDatabase(databaseUrl: string): Promise<SchemaShape> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const shape: SchemaShape = { columns: new Map(), indexes: new Set(), enums: new Map() };
    const columns = await client.query(`
      SELECT c.table_name, c.column_name, c.is_nullable, c.udt_name, c.datetime_precision
      FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> 'schemaversion'`);
    for (const row of columns.rows) {
      const isArray = row.udt_name.startsWith("_");
      let type = isArray ? row.udt_name.slice(1) : row.udt_name;
      if (type.startsWith("timestamp")) type += `(${row.datetime_precision})`;
      if (isArray) type += "[]";
      shape.columns.set(
        `${row.table_name}.${row.column_name}`,
        `${type} ${row.is_nullable === "YES" ? "null" : "not null"}`,
      );
    }
    const indexes = await client.query(`
      SELECT t.relname AS table_name, i.indisprimary, i.indisunique,
             array_agg(a.attname::text ORDER BY k.ordinality) AS columns
      FROM pg_index i
      JOIN pg_class t ON t.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
      CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ordinality)
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE t.relname <> 'schemaversion'
      GROUP BY t.relname, i.indexrelid, i.indisprimary, i.indisunique`);
    for (const row of indexes.rows) {
      const kind = row.indisprimary ? "primary key" : row.indisunique ? "unique" : "index";
      shape.indexes.add(`${row.table_name} ${kind}(${row.columns.join(",")})`);
    }
    const enums = await client.query(`
      SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`);
    for (const row of enums.rows) shape.enums.set(row.typname, row.labels);
    return shape;
  } finally {
    await client.end();
  }
}

/**
 * The Prisma index keys a database index stands for. A tenant table's keys hold authority_id in
 * the database (Citus distributes by it; migration 0090) while the Prisma schema states them as
 * the client uses them, without it (prisma/schema/base.prisma says why). So a database key
 * `primary key(authority_id,id)` is Prisma's `primary key(id)`, and also the
 * `unique(authority_id,id)` that composite relations target; `unique(authority_id,email)` is
 * Prisma's `unique(email)`. Any other index must match exactly.
 */
function prismaNamesFor(index: string, prisma: SchemaShape, database: SchemaShape): string[] {
  const [, table, kind, list] = index.match(/^(\S+) (primary key|unique|index)\((.*)\)$/) ?? [];
  const names = prisma.indexes.has(index) ? [index] : [];
  if (!table || kind === "index" || !database.columns.has(`${table}.authority_id`)) return names;
  const columns = (list ?? "").split(",");
  if (!columns.includes("authority_id")) return names;
  const without = `${table} ${kind}(${columns.filter((c) => c !== "authority_id").join(",")})`;
  if (!names.length && prisma.indexes.has(without)) names.push(without);
  const asUnique = `${table} unique(${list})`;
  if (kind === "primary key" && prisma.indexes.has(asUnique)) names.push(asUnique);
  return names;
}

/** Every disagreement, in words: empty when the database matches the Prisma schema. */
export function describeDrift(prisma: SchemaShape, database: SchemaShape): string[] {
  const problems: string[] = [];
  for (const [column, type] of prisma.columns) {
    const actual = database.columns.get(column);
    if (actual === undefined) problems.push(`column ${column} is in the Prisma schema but not the database`);
    else if (actual !== type)
      problems.push(`column ${column} is "${type}" in the Prisma schema but "${actual}" in the database`);
  }
  for (const column of database.columns.keys()) {
    if (!prisma.columns.has(column)) problems.push(`column ${column} is in the database but not the Prisma schema`);
  }
  const described = new Set<string>();
  for (const index of database.indexes) {
    const names = prismaNamesFor(index, prisma, database);
    for (const name of names) described.add(name);
    if (names.length === 0) problems.push(`${index} is in the database but not the Prisma schema`);
  }
  for (const index of prisma.indexes)
    if (!described.has(index)) problems.push(`${index} is in the Prisma schema but not the database`);
  for (const [name, values] of prisma.enums) {
    if (database.enums.get(name) !== values)
      problems.push(
        `enum ${name} is (${values}) in Prisma but (${database.enums.get(name) ?? "missing"}) in the database`,
      );
  }
  for (const name of database.enums.keys())
    if (!prisma.enums.has(name)) problems.push(`enum ${name} is in the database but not the Prisma schema`);
  return problems;
}
