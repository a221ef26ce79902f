import { Prisma } from "../generated/prisma/client.ts";
import { column, type ReportDefinition } from "./report-definition.ts";
import { localDate, REQUEST_JOINS, requestConditions, withinPeriod } from "./report-filter.ts";

const { sql } = Prisma;

/**
 * Every submitted request, one row each: the table behind the spend charts, for finance and
 * commissioners to work on in a spreadsheet. It names requests by reference, never the child.
 * A year of a large authority is a hundred thousand rows, so it is a download only (streamed),
 * not a GraphQL field.
 */
export const requestRegister: ReportDefinition = {
  name: "requestRegister",
  slug: "requests",
  title: "Requests, one row each",
  description: "Every request submitted in the period: reference, area, scheme, route, status, dates and amounts.",
  columns: [
    column("reference", "Request", "string"),
    column("area", "Area", "string"),
    column("scheme", "Scheme", "string"),
    column("route", "Route", "string"),
    column("status", "Status", "string"),
    column("submittedOn", "Submitted on", "string"),
    column("decidedOn", "Decided on", "string", { nullable: true }),
    column("categories", "Categories", "string"),
    column("total", "Amount (pence)", "pence"),
    column("matchedFunding", "Matched funding (pence)", "pence"),
  ],
  reach: "cases",
  downloadOnly: true,
  query: (scope, filter) => sql`
    SELECT r.reference AS "reference", a.name AS "area", b.scheme AS "scheme", r.route::text AS "route",
      r.status::text AS "status", to_char(${localDate(sql`r.submitted_at`)}, 'YYYY-MM-DD') AS "submittedOn",
      to_char(${localDate(sql`r.decided_at`)}, 'YYYY-MM-DD') AS "decidedOn",
      (SELECT string_agg(DISTINCT i.category::text, '; ') FROM purchase_item i
        WHERE i.authority_id = r.authority_id AND i.purchase_request_id = r.id) AS "categories",
      r.total_pence AS "total", r.matched_funding_pence AS "matchedFunding"
    FROM ${REQUEST_JOINS}
    JOIN area a ON a.authority_id = c.authority_id AND a.id = c.area_id
    WHERE ${requestConditions(scope, filter)}${withinPeriod(sql`r.submitted_at`, filter)}
    ORDER BY r.submitted_at, r.reference`,
};
