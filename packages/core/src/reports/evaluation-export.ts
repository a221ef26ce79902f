// The national evaluation's extract: "the cost per episode of support", across authorities,
// aggregated so that no child can be identified.
import { Prisma } from "../generated/prisma/client.ts";
import { NotAuthorisedError, NotSignedInError } from "../graphql/domain-errors.ts";
import type { Viewer } from "../permissions/viewer.ts";
import { column, type ReportColumn } from "./report-definition.ts";
import { GRANTED, type ReportFilter, withinPeriod } from "./report-filter.ts";

const { sql, empty } = Prisma;

/** Whose figures the extract holds: every authority (null) or one. */
export type EvaluationScope = { authorityIds: string[] | null };

/**
 * The platform's administrators extract for every authority; an authority's administrator may
 * extract their own authority's rows (to check what the evaluation receives). Nobody else.
 */
export function evaluationScopeOf(viewer: Viewer | null): EvaluationScope {
  if (!viewer) throw new NotSignedInError();
  if (viewer.roles.some((assignment) => assignment.role === "PLATFORM_ADMIN")) return { authorityIds: null };
  if (viewer.roles.some((assignment) => assignment.role === "AUTHORITY_ADMIN"))
    return { authorityIds: [viewer.authorityId] };
  throw new NotAuthorisedError("The evaluation export is for administrators.");
}

export const EVALUATION_COLUMNS: ReportColumn[] = [
  column("authority", "Authority", "string"),
  column("scheme", "Scheme", "string"),
  column("suppressed", "Suppressed (fewer than the minimum count)", "string", {
    description: '"yes" when the row\'s figures are withheld because it counts too few episodes or children.',
  }),
  column("episodes", "Episodes of support", "int", { nullable: true }),
  column("children", "Children", "int", { nullable: true }),
  column("totalCost", "Total cost (pence)", "pence", { nullable: true }),
  column("costPerEpisode", "Mean cost per episode (pence)", "pence", { nullable: true }),
  column("medianCostPerEpisode", "Median cost per episode (pence)", "pence", { nullable: true }),
];

/**
 * An episode of support is one case's grants in the period (the fact sheet's "cost per episode
 * of intervention"). One row per authority and scheme; a row with fewer than `minCount`
 * episodes or children is withheld whole. No totals are published beside the rows, so a
 * withheld row cannot be worked out by subtraction.
 */
export function evaluationQuery(scope: EvaluationScope, filter: ReportFilter, minCount: number): Prisma.Sql {
  const authorities = scope.authorityIds ? sql` AND r.authority_id = ANY(${scope.authorityIds}::uuid[])` : empty;
  const scheme = filter.scheme ? sql` AND b.scheme = ${filter.scheme}` : empty;
  return sql`
    WITH episodes AS (
      SELECT r.authority_id, b.scheme, r.case_id, sum(r.total_pence) AS cost
      FROM purchase_request r
      JOIN budget b ON b.authority_id = r.authority_id AND b.id = r.budget_id
      WHERE r.submitted_at IS NOT NULL AND ${GRANTED}${authorities}${scheme}${withinPeriod(sql`r.submitted_at`, filter)}
      GROUP BY r.authority_id, b.scheme, r.case_id
    ), cells AS (
      SELECT e.authority_id, e.scheme, count(*) AS episodes, sum(e.cost) AS total,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY e.cost) AS median,
        (SELECT count(DISTINCT cc.child_id) FROM episodes e2
          JOIN case_child cc ON cc.authority_id = e2.authority_id AND cc.case_id = e2.case_id
          WHERE e2.authority_id = e.authority_id AND e2.scheme = e.scheme) AS children
      FROM episodes e GROUP BY e.authority_id, e.scheme
    ), judged AS (
      SELECT cells.*, (episodes < ${minCount} OR children < ${minCount}) AS withheld FROM cells
    )
    SELECT au.name AS "authority", j.scheme AS "scheme",
      CASE WHEN j.withheld THEN 'yes' ELSE 'no' END AS "suppressed",
      CASE WHEN j.withheld THEN NULL ELSE j.episodes::int END AS "episodes",
      CASE WHEN j.withheld THEN NULL ELSE j.children::int END AS "children",
      CASE WHEN j.withheld THEN NULL ELSE j.total::int8 END AS "totalCost",
      CASE WHEN j.withheld THEN NULL ELSE round(j.total::numeric / j.episodes)::int8 END AS "costPerEpisode",
      CASE WHEN j.withheld THEN NULL ELSE round(j.median)::int8 END AS "medianCostPerEpisode"
    FROM judged j JOIN authority au ON au.id = j.authority_id
    ORDER BY au.name, j.scheme`;
}
