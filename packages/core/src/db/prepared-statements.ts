import { createHash } from "node:crypto";

/**
 * SQL that starts with this is planned for its own parameters every time it runs, never by
 * a cached plan. Reports lead with it: a year's spend for a large authority and a month's for
 * a small one want different plans, and a plan made once for "any period" read three times the
 * buffers of the right one at national scale (bench/README.md, "Prepared statements").
 */
export const PLAN_EACH_TIME = "/* planned each time */";

/** How many distinct statements one process prepares, unless PREPARED_STATEMENTS says otherwise. */
export const DEFAULT_PREPARED_STATEMENTS = 200;

/** What PREPARED_STATEMENTS must be: said the same way at start-up (server/environment.ts) and here. */
export const PREPARED_STATEMENTS_RULE = "PREPARED_STATEMENTS must be a whole number of statements (0 for none)";

/** PREPARED_STATEMENTS: a number of statements, 0 to prepare none (say, behind a pooler that cannot keep them). */
export function preparedStatementLimit(setting = process.env.PREPARED_STATEMENTS): number {
  if (setting === undefined || setting === "") return DEFAULT_PREPARED_STATEMENTS;
  const limit = Number(setting);
  if (!Number.isInteger(limit) || limit < 0) throw new Error(`${PREPARED_STATEMENTS_RULE}, not "${setting}"`);
  return limit;
}

/**
 * Names for Prisma's pg adapter to prepare statements under (its `statementNameGenerator`).
 * Without names, every statement is sent in full (several kilobytes of SQL for a page with its
 * relations) and parsed and planned again each time; a named one is parsed once per connection,
 * and after five runs PostgreSQL may keep a generic plan for it, which is the gain (measured:
 * 18-34% more list and record reads a second, approvals within their noise; with every plan
 * forced to be made afresh, none). The same SQL always gets the same name, on every connection.
 *
 * Bounded, because PostgreSQL keeps a connection's prepared statements (~0.3 MB each for the
 * larger ones) until the connection closes, and Prisma's SQL varies with the length of `IN`
 * lists: past `limit` distinct statements, the rest run unnamed, as before. A statement with no
 * parameters stays unnamed: its values are in its text, which seldom repeats (each session's
 * `begin_request` call carries its own token hash), and unnamed it goes by the simple protocol,
 * in one message with the BEGIN before it (begin-with-first-statement.ts).
 */
export function statementNames(limit: number): (query: { sql: string; args: unknown[] }) => string | undefined {
  const names = new Map<string, string>();
  return ({ sql, args }) => {
    const known = names.get(sql);
    if (known || names.size >= limit || args.length === 0 || sql.startsWith(PLAN_EACH_TIME)) return known;
    const name = `pf_${createHash("sha256").update(sql).digest("hex").slice(0, 32)}`;
    names.set(sql, name);
    return name;
  };
}
