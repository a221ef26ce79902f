import { Prisma } from "../generated/prisma/client.ts";
import type { PurchaseCategory, PurchaseRoute } from "../generated/prisma/enums.ts";
import type { ReportScope } from "./report-scope.ts";

/** What a person narrows a report to. Every field is optional; dates are whole days, inclusive. */
export interface ReportFilter {
  scheme?: string | null;
  areaIds?: string[] | null;
  /** First day counted (local date in the UK). */
  from?: Date | null;
  /** Last day counted (local date in the UK), inclusive. */
  to?: Date | null;
  category?: PurchaseCategory | null;
  route?: PurchaseRoute | null;
}

/**
 * Reports count days and months as people in the UK live them: a request submitted at 00:30 on
 * 1 April, British Summer Time (23:30 UTC on 31 March), is April's.
 */
export const REPORT_TIME_ZONE = "Europe/London";

const { sql, empty, join } = Prisma;

/** `local_date(ts)`: the UK calendar day of a timestamp. */
export const localDate = (column: Prisma.Sql) => sql`(${column} AT TIME ZONE ${REPORT_TIME_ZONE})::date`;

/** The first day of the UK calendar month of a timestamp, as a date. */
export const localMonth = (column: Prisma.Sql) =>
  sql`date_trunc('month', ${column} AT TIME ZONE ${REPORT_TIME_ZONE})::date`;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The instant a UK calendar day begins (midnight is never skipped or repeated by the clocks). */
const startOfLocalDay = (day: Prisma.Sql) => sql`((${day})::timestamp AT TIME ZONE ${REPORT_TIME_ZONE})`;

/**
 * `from <= local day of column <= to`, or nothing when the filter leaves the period open.
 * Written as a range of instants (from the start of `from` to before the start of the day after
 * `to`), the same rows as comparing each row's local day, but one an index on the column
 * serves: a year's report reads that year's rows, not the authority's whole history.
 */
export function withinPeriod(column: Prisma.Sql, filter: ReportFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (filter.from) parts.push(sql`${column} >= ${startOfLocalDay(sql`${isoDay(filter.from)}::date`)}`);
  if (filter.to) parts.push(sql`${column} < ${startOfLocalDay(sql`${isoDay(filter.to)}::date + 1`)}`);
  return parts.length ? sql` AND ${join(parts, " AND ")}` : empty;
}

/**
 * The fence and the viewer's reach over cases, `c` being `case_record`: the authority always,
 * then the areas and/or the viewer's own cases, then the areas the person asked for.
 */
export function casesInScope(scope: ReportScope, filter: ReportFilter): Prisma.Sql {
  const reach: Prisma.Sql[] = [];
  if (scope.areaIds === null) reach.push(sql`TRUE`);
  else if (scope.areaIds.length > 0) reach.push(sql`c.area_id = ANY(${scope.areaIds}::uuid[])`);
  if (scope.ownCasesOf) reach.push(sql`c.lead_professional_id = ${scope.ownCasesOf}::uuid`);
  const reachSql = reach.length ? sql`(${join(reach, " OR ")})` : sql`FALSE`;
  const asked = filter.areaIds?.length ? sql` AND c.area_id = ANY(${filter.areaIds}::uuid[])` : empty;
  return sql`c.authority_id = ${scope.authorityId}::uuid AND ${reachSql}${asked}`;
}

/** The request `r` with its case `c` and budget `b`; pair with `requestConditions`. */
export const REQUEST_JOINS = sql`purchase_request r
    JOIN case_record c ON c.authority_id = r.authority_id AND c.id = r.case_id
    JOIN budget b ON b.authority_id = r.authority_id AND b.id = r.budget_id`;

/**
 * Submitted requests (drafts are nobody's figures yet) in scope, narrowed by scheme, route and
 * category. Each report applies the period to the date it counts by.
 */
export function requestConditions(scope: ReportScope, filter: ReportFilter): Prisma.Sql {
  const scheme = filter.scheme ? sql` AND b.scheme = ${filter.scheme}` : empty;
  const route = filter.route ? sql` AND r.route = ${filter.route}::purchase_route` : empty;
  const category = filter.category
    ? sql` AND EXISTS (SELECT 1 FROM purchase_item ci WHERE ci.authority_id = r.authority_id
        AND ci.purchase_request_id = r.id AND ci.category = ${filter.category}::purchase_category)`
    : empty;
  return sql`r.authority_id = ${scope.authorityId}::uuid AND r.submitted_at IS NOT NULL
      AND ${casesInScope(scope, filter)}${scheme}${route}${category}`;
}

/** Statuses in which the money was granted (committed, spent, reconciled or reviewed). */
export const GRANTED = sql`r.status IN ('APPROVED', 'FULFILLED', 'RECONCILED', 'CLOSED')`;
