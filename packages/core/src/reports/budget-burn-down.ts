import { Prisma } from "../generated/prisma/client.ts";
import { column, type ReportDefinition } from "./report-definition.ts";
import { localDate, type ReportFilter } from "./report-filter.ts";
import type { ReportScope } from "./report-scope.ts";

const { sql, empty } = Prisma;

/** Budgets the viewer reads figures for: the whole authority's, or those of their areas. */
function budgetsInScope(scope: ReportScope, filter: ReportFilter): Prisma.Sql {
  const reach = scope.areaIds === null ? empty : sql` AND b.area_id = ANY(${scope.areaIds}::uuid[])`;
  const asked = filter.areaIds?.length ? sql` AND b.area_id = ANY(${filter.areaIds}::uuid[])` : empty;
  const scheme = filter.scheme ? sql` AND b.scheme = ${filter.scheme}` : empty;
  return sql`b.authority_id = ${scope.authorityId}::uuid${reach}${asked}${scheme}`;
}

/** Months of the budget's period that overlap the period asked for. */
function monthsAsked(filter: ReportFilter): Prisma.Sql {
  const iso = (date: Date) => date.toISOString().slice(0, 10);
  return sql`${filter.to ? sql` AND m.month <= ${iso(filter.to)}::date` : empty}${
    filter.from ? sql` AND m.month_end >= ${iso(filter.from)}::date` : empty
  }`;
}

/**
 * Each budget, month by month through its period: the ledger's totals at the month's end (UK
 * time), what is left, and where a steady spend would have left it (the money allocated so far,
 * drawn down in a straight line to nothing on the period's last day).
 */
export const budgetBurnDown: ReportDefinition = {
  name: "budgetBurnDown",
  slug: "budget-burn-down",
  title: "Budget burn-down against the period",
  description:
    "Per budget and month of its period: allocated, committed, spent and lapsed so far, what remains, and a steady spend's remainder.",
  columns: [
    column("budget", "Budget", "string"),
    column("area", "Area", "string", { description: "The budget's area, or 'Whole authority'." }),
    column("month", "Month", "string", { description: "YYYY-MM" }),
    column("allocated", "Allocated to date (pence)", "pence"),
    column("committed", "Committed, not yet spent (pence)", "pence"),
    column("spent", "Spent to date (pence)", "pence"),
    column("lapsed", "Lapsed (pence)", "pence"),
    column("remaining", "Remaining (pence)", "pence"),
    column("steadyRemaining", "Remaining at a steady spend (pence)", "pence"),
  ],
  reach: "areas",
  query: (scope, filter) => sql`
    WITH months AS (
      SELECT m.* FROM (
        SELECT b.id, b.authority_id, b.name, b.area_id, b.period_start, b.period_end, month::date AS month,
          LEAST((month + interval '1 month' - interval '1 day')::date, b.period_end) AS month_end
        FROM budget b,
          generate_series(date_trunc('month', b.period_start::timestamp), b.period_end::timestamp, interval '1 month') AS month
        WHERE ${budgetsInScope(scope, filter)}
      ) m WHERE TRUE${monthsAsked(filter)}
    ), totals AS (
      SELECT m.id, m.name, m.area_id, m.month, m.month_end, m.period_start, m.period_end,
        COALESCE(sum(l.amount) FILTER (WHERE l.kind = 'ALLOCATION'), 0) AS allocated,
        COALESCE(sum(CASE l.kind WHEN 'COMMITMENT' THEN l.amount WHEN 'RELEASE' THEN -l.amount
                                 WHEN 'SPEND' THEN -l.amount ELSE 0 END), 0) AS committed,
        COALESCE(sum(CASE l.kind WHEN 'SPEND' THEN l.amount WHEN 'RETURN' THEN -l.amount ELSE 0 END), 0) AS spent,
        COALESCE(sum(l.amount) FILTER (WHERE l.kind = 'LAPSE'), 0) AS lapsed
      FROM months m
      LEFT JOIN ledger_entry l ON l.authority_id = m.authority_id AND l.budget_id = m.id
        AND ${localDate(sql`l.created_at`)} <= m.month_end
      GROUP BY m.id, m.name, m.area_id, m.month, m.month_end, m.period_start, m.period_end
    )
    SELECT t.name AS "budget", COALESCE(a.name, 'Whole authority') AS "area", to_char(t.month, 'YYYY-MM') AS "month",
      t.allocated::int8 AS "allocated", t.committed::int8 AS "committed", t.spent::int8 AS "spent",
      t.lapsed::int8 AS "lapsed", (t.allocated - t.committed - t.spent - t.lapsed)::int8 AS "remaining",
      round(t.allocated * (t.period_end - t.month_end)::numeric / (t.period_end - t.period_start + 1))::int8
        AS "steadyRemaining"
    FROM totals t LEFT JOIN area a ON a.id = t.area_id
    ORDER BY t.name, t.id, t.month`,
};
