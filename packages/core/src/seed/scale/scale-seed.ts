// Fills a migrated database with invented data at national scale, in bulk: each table is
// written by one INSERT … SELECT over generate_series, never a row at a time. Every value
// (ids included) is derived from md5(seed, key), so the same seed gives the same rows whatever
// order PostgreSQL evaluates them in. The ledger goes through its trigger like any other
// insert, so budget totals are maintained, and checked, exactly as in production.
import pg from "pg";
import {
  closingStatements,
  ledgerChunkCountSql,
  ledgerChunkSql,
  type SeedStatement,
  scaleSeedStatements,
} from "./scale-seed-sql.ts";

export interface ScaleSeedOptions {
  /** Number of authorities (tenants). */
  authorities: number;
  /** Total cases across all authorities (spread evenly). */
  cases: number;
  /** Reproducibility: the same seed gives the same data. */
  seed: number;
  /** Areas (localities) per authority. */
  areas: number;
  /** Cases per lead professional. */
  caseload: number;
  /** Financial years of budgets per area, the current one included. */
  years: number;
  /** An argon2 hash every generated account signs in with (one hash: hashing per user would dominate). */
  passwordHash: string;
  /** Called after each statement with its table (or opening words) and milliseconds. */
  onStatement?: (what: string, ms: number) => void;
  /** The day the data is "as of" (the current financial year is the one containing it). */
  today?: Date;
}

export interface ScaleSeedResult {
  rows: Record<string, number>;
  totalRows: number;
  seconds: number;
  rowsPerSecond: number;
}

export const scaleSeedDefaults = { areas: 6, caseload: 25, years: 2 } as const;

export function validateScaleOptions(options: ScaleSeedOptions): void {
  const positive = { authorities: options.authorities, cases: options.cases, areas: options.areas };
  for (const [name, value] of Object.entries({ ...positive, caseload: options.caseload, years: options.years }))
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number of at least 1`);
  if (!Number.isInteger(options.seed) || options.seed < 0) throw new Error("--seed must be a whole number ≥ 0");
  if (options.cases < options.authorities * options.areas)
    throw new Error("--cases must be at least one per area of every authority");
}

/** Seeds `databaseUrl` (already migrated). Refuses if this seed's authorities already exist. */
export async function seedScale(databaseUrl: string, options: ScaleSeedOptions): Promise<ScaleSeedResult> {
  validateScaleOptions(options);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = performance.now();
  const rows: Record<string, number> = {};
  const run = async (statement: SeedStatement) => {
    const began = performance.now();
    const result = await client.query(statement.sql);
    options.onStatement?.(statement.table ?? statement.sql.trim().slice(0, 40), performance.now() - began);
    if (statement.table) rows[statement.table] = (rows[statement.table] ?? 0) + (result.rowCount ?? 0);
  };
  try {
    // Everything but the ledger's movements is one transaction: a clash (the seed was already
    // loaded, a constraint refused a row) leaves nothing behind.
    // Durability of each commit is not needed for a load that is re-run if it fails.
    await client.query("SET synchronous_commit = off");
    await client.query("BEGIN");
    for (const statement of scaleSeedStatements(options)) await run(statement);
    await client.query("COMMIT");
    // The movements go in chunks, a transaction each (see ledgerChunkSql); a failure from here
    // on leaves a partial load behind: drop the database and seed again.
    const movementsBegan = performance.now();
    const { rows: count } = await client.query(ledgerChunkCountSql);
    for (let chunk = 0; chunk < count[0].chunks; chunk += 1) {
      const result = await client.query(ledgerChunkSql, [chunk]);
      rows.ledger_entry = (rows.ledger_entry ?? 0) + (result.rowCount ?? 0);
    }
    options.onStatement?.(`ledger movements in ${count[0].chunks} chunks`, performance.now() - movementsBegan);
    await client.query("BEGIN");
    for (const statement of closingStatements()) await run(statement);
    await client.query("COMMIT");
    // Fresh statistics, so the planner sees the new sizes at once, and the visibility map set,
    // as autovacuum keeps it on a live database: until then index-only scans fetch every heap
    // page, and the planner prefers other plans (the spend report read 3,571 buffers just after
    // a seed, against 104 once vacuumed).
    await client.query("VACUUM (ANALYZE)");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  const seconds = (performance.now() - started) / 1000;
  const totalRows = Object.values(rows).reduce((sum, n) => sum + n, 0);
  return { rows, totalRows, seconds, rowsPerSecond: Math.round(totalRows / seconds) };
}
