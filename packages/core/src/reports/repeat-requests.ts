import { Prisma } from "../generated/prisma/client.ts";
import { column, type ReportDefinition } from "./report-definition.ts";
import { REQUEST_JOINS, requestConditions, withinPeriod } from "./report-filter.ts";

const { sql } = Prisma;

/** How many cases came back for more: cases by the number of requests submitted for them. */
export const repeatRequests: ReportDefinition = {
  name: "repeatRequests",
  slug: "repeat-requests",
  title: "Repeat requests per case",
  description: "Cases by how many requests were submitted for them in the period (every band listed).",
  columns: [
    column("requestsPerCase", "Requests per case", "string"),
    column("cases", "Cases", "int"),
    column("requests", "Requests", "int"),
  ],
  reach: "cases",
  query: (scope, filter) => sql`
    WITH per_case AS (
      SELECT r.case_id, count(*) AS n FROM ${REQUEST_JOINS}
      WHERE ${requestConditions(scope, filter)}${withinPeriod(sql`r.submitted_at`, filter)}
      GROUP BY r.case_id
    )
    SELECT band.label AS "requestsPerCase", count(p.case_id)::int AS "cases", COALESCE(sum(p.n), 0)::int AS "requests"
    FROM (VALUES (1, '1', 1, 1), (2, '2', 2, 2), (3, '3', 3, 3), (4, '4 or more', 4, NULL::int))
      AS band(position, label, low, high)
    LEFT JOIN per_case p ON p.n >= band.low AND (band.high IS NULL OR p.n <= band.high)
    GROUP BY band.position, band.label ORDER BY band.position`,
};
