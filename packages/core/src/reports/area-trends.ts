// The overseer's view of an area (Derbyshire's steering groups "had an overview of the spends
// taking place and could identify trends within the local area"): month-by-month trends, and
// requests far above what the area typically grants.
import { Prisma } from "../generated/prisma/client.ts";
import { column, type ReportDefinition } from "./report-definition.ts";
import { GRANTED, localDate, localMonth, REQUEST_JOINS, requestConditions, withinPeriod } from "./report-filter.ts";

const { sql } = Prisma;

export const areaMonthlyTrends: ReportDefinition = {
  name: "areaMonthlyTrends",
  slug: "area-monthly-trends",
  title: "Trends per area and month",
  description: "Per area and month of submission: requests, grants, spend and the median amount granted.",
  columns: [
    column("area", "Area", "string"),
    column("month", "Month", "string", { description: "YYYY-MM" }),
    column("requests", "Requests submitted", "int"),
    column("granted", "Requests granted", "int"),
    column("spend", "Spend granted (pence)", "pence"),
    column("medianGranted", "Median amount granted (pence)", "pence", { nullable: true }),
  ],
  reach: "areas",
  query: (scope, filter) => sql`
    SELECT a.name AS "area", to_char(${localMonth(sql`r.submitted_at`)}, 'YYYY-MM') AS "month",
      count(*)::int AS "requests", count(*) FILTER (WHERE ${GRANTED})::int AS "granted",
      COALESCE(sum(r.total_pence) FILTER (WHERE ${GRANTED}), 0)::int8 AS "spend",
      round(percentile_cont(0.5) WITHIN GROUP (ORDER BY r.total_pence) FILTER (WHERE ${GRANTED}))::int8
        AS "medianGranted"
    FROM ${REQUEST_JOINS}
    JOIN area a ON a.authority_id = c.authority_id AND a.id = c.area_id
    WHERE ${requestConditions(scope, filter)}${withinPeriod(sql`r.submitted_at`, filter)}
    GROUP BY a.id, a.name, 2 ORDER BY a.name, 2`,
};

/**
 * A grant is an outlier when it is at least this many times its area's median grant over the
 * same period. Three times: the schemes' amounts run from a bus fare to a counselling package,
 * so twice the typical amount is everyday; three times stands out to a steering group.
 */
export const OUTLIER_FACTOR = 3;
/** Below this many grants an area has no "typical" amount to stand out from. */
export const OUTLIER_MIN_GRANTS = 5;

export const outliers: ReportDefinition = {
  name: "outliers",
  slug: "outliers",
  title: "Requests far above their area's typical amount",
  description: `Grants of at least ${OUTLIER_FACTOR} times their area's median grant in the period (areas with at least ${OUTLIER_MIN_GRANTS} grants).`,
  columns: [
    column("area", "Area", "string"),
    column("reference", "Request", "string"),
    column("submittedOn", "Submitted on", "string", { description: "YYYY-MM-DD" }),
    column("total", "Amount granted (pence)", "pence"),
    column("areaMedian", "Area's median grant (pence)", "pence"),
    column("timesMedian", "Times the median", "float"),
  ],
  reach: "areas",
  query: (scope, filter) => sql`
    WITH grants AS (
      SELECT a.id AS area_id, a.name AS area, r.reference, r.total_pence, r.submitted_at
      FROM ${REQUEST_JOINS}
      JOIN area a ON a.authority_id = c.authority_id AND a.id = c.area_id
      WHERE ${requestConditions(scope, filter)} AND ${GRANTED}${withinPeriod(sql`r.submitted_at`, filter)}
    ), typical AS (
      SELECT area_id, percentile_cont(0.5) WITHIN GROUP (ORDER BY total_pence) AS median, count(*) AS n
      FROM grants GROUP BY area_id
    )
    SELECT g.area AS "area", g.reference AS "reference",
      to_char(${localDate(sql`g.submitted_at`)}, 'YYYY-MM-DD') AS "submittedOn",
      g.total_pence::int8 AS "total", round(t.median)::int8 AS "areaMedian",
      round((g.total_pence / t.median)::numeric, 2)::float8 AS "timesMedian"
    FROM grants g JOIN typical t ON t.area_id = g.area_id
    WHERE t.n >= ${OUTLIER_MIN_GRANTS} AND g.total_pence >= ${OUTLIER_FACTOR} * t.median
    ORDER BY g.area, g.total_pence DESC, g.reference`,
};
