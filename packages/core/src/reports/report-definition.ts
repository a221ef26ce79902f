import type { Prisma } from "../generated/prisma/client.ts";
import type { ReportFilter } from "./report-filter.ts";
import type { ReportScope } from "./report-scope.ts";

/** How a column's values read: money is always whole pence. */
export type ColumnType = "string" | "int" | "pence" | "float";

export interface ReportColumn {
  /** The GraphQL field and the SQL alias (camelCase). */
  key: string;
  /** The CSV header, in words. */
  header: string;
  type: ColumnType;
  /** May be empty (no decisions yet, a suppressed cell). */
  nullable?: boolean;
  description?: string;
}

/**
 * One report: a table computed by one parameterised SQL query over the whole data set. The same
 * definition feeds the GraphQL field (`reports { <name> }`) and the streamed CSV download
 * (`/reports/<slug>.csv`), so the table behind a chart and its download cannot disagree.
 */
export interface ReportDefinition {
  /** camelCase GraphQL field name, e.g. "spendByCategory". */
  name: string;
  /** The URL's name, e.g. "spend-by-category". */
  slug: string;
  title: string;
  description: string;
  columns: ReportColumn[];
  /**
   * "cases": a lead professional may run it over the cases they lead. "areas": it describes an
   * area or a budget as a whole, so only viewers who read whole areas may run it.
   */
  reach: "cases" | "areas";
  /** A table of one row per record, too long for GraphQL: served only as a streamed CSV download. */
  downloadOnly?: boolean;
  query(scope: ReportScope, filter: ReportFilter): Prisma.Sql;
}

export type ReportRow = Record<string, string | number | null>;

export const column = (
  key: string,
  header: string,
  type: ColumnType,
  extra: Partial<ReportColumn> = {},
): ReportColumn => ({ key, header, type, ...extra });
