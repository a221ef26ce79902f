import { Prisma } from "../generated/prisma/client.ts";
import { column, type ReportDefinition } from "./report-definition.ts";
import { GRANTED, REQUEST_JOINS, requestConditions, withinPeriod } from "./report-filter.ts";

const { sql } = Prisma;

/**
 * Time from submission to the final decision (median and 90th percentile, interpolated) and the
 * approval rate, over requests decided. A request returned for changes and resubmitted is timed
 * from its last submission; one withdrawn before a decision is not counted.
 */
export const decisionTimes: ReportDefinition = {
  name: "decisionTimes",
  slug: "decision-times",
  title: "Time to decision and approval rate",
  description: "Requests submitted in the period and decided: how long the decision took, and how many were approved.",
  columns: [
    column("decided", "Requests decided", "int"),
    column("approved", "Approved", "int"),
    column("rejected", "Rejected", "int"),
    column("approvalRate", "Approval rate", "float", { nullable: true, description: "approved ÷ decided, 0 to 1" }),
    column("medianSeconds", "Median time to decision (seconds)", "int", { nullable: true }),
    column("p90Seconds", "90th percentile time to decision (seconds)", "int", { nullable: true }),
  ],
  reach: "cases",
  query: (scope, filter) => sql`
    WITH decided AS (
      SELECT ${GRANTED} AS approved, extract(epoch FROM r.decided_at - r.submitted_at) AS seconds
      FROM ${REQUEST_JOINS}
      WHERE ${requestConditions(scope, filter)} AND r.decided_at IS NOT NULL
        AND (${GRANTED} OR r.status = 'REJECTED')${withinPeriod(sql`r.submitted_at`, filter)}
    )
    SELECT count(*)::int AS "decided",
      count(*) FILTER (WHERE approved)::int AS "approved",
      count(*) FILTER (WHERE NOT approved)::int AS "rejected",
      CASE WHEN count(*) = 0 THEN NULL
        ELSE round(count(*) FILTER (WHERE approved)::numeric / count(*), 4)::float8 END AS "approvalRate",
      round(percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds))::int AS "medianSeconds",
      round(percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds))::int AS "p90Seconds"
    FROM decided`,
};
