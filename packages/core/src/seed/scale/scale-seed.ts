// Fills a migrated database with invented data at national scale, in bulk: each table is
// written by one INSERT … SELECT over generate_series, never a row at a time. Every value
// (ids included) is derived from md5(seed, key), so the same seed gives the same rows whatever
// order PostgreSQL evaluates them in. The ledger goes through its trigger like any other
// insert, so budget totals are maintained, and checked, exactly as in production.
import pg from "pg";
import { scaleSeedStatements } from "./scale-seed-sql.ts";

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
  try {
    await client.query("BEGIN");
    // The whole load is one transaction: a failed run leaves nothing behind.
    await client.query("SET LOCAL synchronous_commit = off");
    for (const statement of scaleSeedStatements(options)) {
      const result = await client.query(statement.sql);
      if (statement.table) rows[statement.table] = (rows[statement.table] ?? 0) + (result.rowCount ?? 0);
    }
    await client.query("COMMIT");
    // Fresh statistics, so the planner sees the new sizes at once (autovacuum would lag).
    await client.query("ANALYZE");
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
