// Spend and number of requests by category, by area and by month. A request counts in the
// period (and month) in which it was submitted; its spend is what was granted for it.
import { Prisma } from "../generated/prisma/client.ts";
import { column, type ReportDefinition } from "./report-definition.ts";
import { GRANTED, localMonth, REQUEST_JOINS, requestConditions, withinPeriod } from "./report-filter.ts";

const { sql, empty } = Prisma;

const counts = [
  column("requests", "Requests submitted", "int"),
  column("granted", "Requests granted", "int"),
  column("spend", "Spend granted (pence)", "pence"),
];

export const spendByCategory: ReportDefinition = {
  name: "spendByCategory",
  slug: "spend-by-category",
  title: "Spend and requests by category",
  description:
    "Per purchase category: requests with an item in it, and the money granted for those items (a request with items in two categories counts in both).",
  columns: [column("category", "Category", "string"), ...counts],
  reach: "cases",
  query: (scope, filter) => sql`
    SELECT i.category::text AS "category",
      count(DISTINCT r.id)::int AS "requests",
      count(DISTINCT r.id) FILTER (WHERE ${GRANTED})::int AS "granted",
      COALESCE(sum(i.unit_cost_pence * i.quantity) FILTER (WHERE ${GRANTED}), 0)::int8 AS "spend"
    FROM ${REQUEST_JOINS}
    JOIN purchase_item i ON i.authority_id = r.authority_id AND i.purchase_request_id = r.id
    WHERE ${requestConditions(scope, filter)}${withinPeriod(sql`r.submitted_at`, filter)}
      ${filter.category ? sql`AND i.category = ${filter.category}::purchase_category` : empty}
    GROUP BY i.category ORDER BY i.category`,
};

export const spendByArea: ReportDefinition = {
  name: "spendByArea",
  slug: "spend-by-area",
  title: "Spend and requests by area",
  description: "Per area (of the child's case): requests submitted, granted, and the money granted.",
  columns: [column("area", "Area", "string"), ...counts],
  reach: "cases",
  query: (scope, filter) => sql`
    SELECT a.name AS "area",
      count(*)::int AS "requests",
      count(*) FILTER (WHERE ${GRANTED})::int AS "granted",
      COALESCE(sum(r.total_pence) FILTER (WHERE ${GRANTED}), 0)::int8 AS "spend"
    FROM ${REQUEST_JOINS}
    JOIN area a ON a.authority_id = c.authority_id AND a.id = c.area_id
    WHERE ${requestConditions(scope, filter)}${withinPeriod(sql`r.submitted_at`, filter)}
    GROUP BY a.id, a.name ORDER BY a.name`,
};

export const spendByMonth: ReportDefinition = {
  name: "spendByMonth",
  slug: "spend-by-month",
  title: "Spend and requests by month",
  description: "Per calendar month (UK time) of submission: requests submitted, granted, and the money granted.",
  columns: [column("month", "Month", "string", { description: "YYYY-MM" }), ...counts],
  reach: "cases",
  query: (scope, filter) => sql`
    SELECT to_char(${localMonth(sql`r.submitted_at`)}, 'YYYY-MM') AS "month",
      count(*)::int AS "requests",
      count(*) FILTER (WHERE ${GRANTED})::int AS "granted",
      COALESCE(sum(r.total_pence) FILTER (WHERE ${GRANTED}), 0)::int8 AS "spend"
    FROM ${REQUEST_JOINS}
    WHERE ${requestConditions(scope, filter)}${withinPeriod(sql`r.submitted_at`, filter)}
    GROUP BY 1 ORDER BY 1`,
};
