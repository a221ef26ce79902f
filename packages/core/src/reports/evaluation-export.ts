// The national evaluation's extract: "the cost per episode of support", across authorities,
// aggregated so that no child can be identified.
import { Prisma } from "../generated/prisma/client.ts";
import { NotAuthorisedError, NotSignedInError } from "../graphql/domain-errors.ts";
import type { Viewer } from "../permissions/viewer.ts";
import { column, type ReportColumn } from "./report-definition.ts";
import type { ReportFilter } from "./report-filter.ts";

const { sql } = Prisma;

/** Whose figures the extract holds: every authority (null) or one. */
export type EvaluationScope = { authorityId: string | null };

/**
 * The platform's administrators extract for every authority; an authority's administrator may
 * extract their own authority's rows (to check what the evaluation receives). Nobody else.
 */
export function evaluationScopeOf(viewer: Viewer | null): EvaluationScope {
  if (!viewer) throw new NotSignedInError();
  if (viewer.roles.some((assignment) => assignment.role === "PLATFORM_ADMIN")) return { authorityId: null };
  if (viewer.roles.some((assignment) => assignment.role === "AUTHORITY_ADMIN"))
    return { authorityId: viewer.authorityId };
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
 * withheld row cannot be worked out by subtraction. Computed by the database function
 * `evaluation_extract` (migration 0040), the one reading that spans authorities, which returns
 * aggregates only.
 */
export function evaluationQuery(scope: EvaluationScope, filter: ReportFilter, minCount: number): Prisma.Sql {
  const iso = (date: Date | null | undefined) => (date ? date.toISOString().slice(0, 10) : null);
  return sql`SELECT * FROM evaluation_extract(${minCount}::int, ${scope.authorityId}::uuid, ${filter.scheme ?? null}::text,
    ${iso(filter.from)}::date, ${iso(filter.to)}::date)`;
}
