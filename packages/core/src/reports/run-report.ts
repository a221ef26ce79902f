import { PLAN_EACH_TIME } from "../db/prepared-statements.ts";
import type { Database } from "../db/prisma-client.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { NotAuthorisedError, NotSignedInError } from "../graphql/domain-errors.ts";
import type { AppAbility } from "../permissions/casl-prisma.ts";
import type { Viewer } from "../permissions/viewer.ts";
import type { ReportDefinition, ReportRow } from "./report-definition.ts";
import type { ReportFilter } from "./report-filter.ts";
import { type ReportScope, reportScopeOf } from "./report-scope.ts";

/** The viewer's scope for a report, or an error a person can act on. */
export function scopeForReport(
  viewer: Viewer | null,
  ability: AppAbility,
  report: Pick<ReportDefinition, "reach" | "title">,
): ReportScope {
  if (!viewer) throw new NotSignedInError();
  const scope = reportScopeOf(viewer);
  if (!scope || !ability.can("report", "Case"))
    throw new NotAuthorisedError("Your role does not include reading reports.");
  if (report.reach === "areas" && scope.ownCasesOnly)
    throw new NotAuthorisedError(`"${report.title}" describes whole areas; your reports cover the cases you lead.`);
  return scope;
}

/** SQL sums come back as bigint; every figure here fits a JavaScript number exactly (under 2^53). */
function plainNumbers(row: Record<string, unknown>): ReportRow {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [
      key,
      typeof value === "bigint" ? Number(value) : (value as string | number | null),
    ]),
  );
}

export async function runReport(
  db: Pick<Database, "$queryRaw">,
  report: ReportDefinition,
  scope: ReportScope,
  filter: ReportFilter,
): Promise<ReportRow[]> {
  return runQuery(db, report.query(scope, filter));
}

export async function runQuery(db: Pick<Database, "$queryRaw">, query: Prisma.Sql): Promise<ReportRow[]> {
  // Planned for this filter's period every time, never from a cached plan (db/prepared-statements.ts).
  const rows = await db.$queryRaw<Record<string, unknown>[]>(Prisma.sql`${Prisma.raw(PLAN_EACH_TIME)} ${query}`);
  return rows.map(plainNumbers);
}
