import { Prisma } from "../generated/prisma/client.ts";
import { column, type ReportDefinition } from "./report-definition.ts";
import { GRANTED, REQUEST_JOINS, requestConditions, withinPeriod } from "./report-filter.ts";

const { sql } = Prisma;

/** Matched funding from families (good practice, recorded on the request), per area. */
export const matchedFunding: ReportDefinition = {
  name: "matchedFunding",
  slug: "matched-funding",
  title: "Matched funding",
  description: "Per area: granted requests, how many had matched funding, the matched amount and the fund's spend.",
  columns: [
    column("area", "Area", "string"),
    column("granted", "Requests granted", "int"),
    column("withMatchedFunding", "Of those, with matched funding", "int"),
    column("matched", "Matched funding (pence)", "pence"),
    column("spend", "Spend granted (pence)", "pence"),
  ],
  reach: "cases",
  query: (scope, filter) => sql`
    SELECT a.name AS "area", count(*)::int AS "granted",
      count(*) FILTER (WHERE r.matched_funding_pence > 0)::int AS "withMatchedFunding",
      sum(r.matched_funding_pence)::int8 AS "matched", sum(r.total_pence)::int8 AS "spend"
    FROM ${REQUEST_JOINS}
    JOIN area a ON a.authority_id = c.authority_id AND a.id = c.area_id
    WHERE ${requestConditions(scope, filter)} AND ${GRANTED}${withinPeriod(sql`r.submitted_at`, filter)}
    GROUP BY a.id, a.name ORDER BY a.name`,
};
