import { Prisma } from "../generated/prisma/client.ts";
import { column, type ReportDefinition } from "./report-definition.ts";
import { GRANTED, REQUEST_JOINS, requestConditions, withinPeriod } from "./report-filter.ts";

const { sql } = Prisma;

/**
 * Every Child Matters outcomes intended (ticked on granted requests) against those achieved
 * (ticked at the outcome review), every outcome listed in the framework's order.
 */
export const ecmOutcomes: ReportDefinition = {
  name: "ecmOutcomes",
  slug: "ecm-outcomes",
  title: "Every Child Matters outcomes: intended and achieved",
  description:
    "Per outcome: granted requests that intended it, how many of those have been reviewed, and reviews that recorded it achieved.",
  columns: [
    column("outcome", "Outcome", "string"),
    column("intended", "Requests intending it", "int"),
    column("intendedAndReviewed", "Of those, reviewed", "int"),
    column("achieved", "Reviews recording it achieved", "int"),
  ],
  reach: "cases",
  query: (scope, filter) => sql`
    WITH granted AS (
      SELECT r.ecm_outcomes AS intended, v.ecm_achieved AS achieved, v.id IS NOT NULL AS reviewed
      FROM ${REQUEST_JOINS}
      LEFT JOIN review v ON v.authority_id = r.authority_id AND v.purchase_request_id = r.id
      WHERE ${requestConditions(scope, filter)} AND ${GRANTED}${withinPeriod(sql`r.submitted_at`, filter)}
    )
    SELECT o.outcome::text AS "outcome",
      count(g.*) FILTER (WHERE o.outcome = ANY(g.intended))::int AS "intended",
      count(g.*) FILTER (WHERE o.outcome = ANY(g.intended) AND g.reviewed)::int AS "intendedAndReviewed",
      count(g.*) FILTER (WHERE o.outcome = ANY(g.achieved))::int AS "achieved"
    FROM unnest(enum_range(NULL::ecm_outcome)) WITH ORDINALITY AS o(outcome, position)
    LEFT JOIN granted g ON TRUE
    GROUP BY o.outcome, o.position ORDER BY o.position`,
};
