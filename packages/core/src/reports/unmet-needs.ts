import { Prisma } from "../generated/prisma/client.ts";
import { column, type ReportDefinition } from "./report-definition.ts";
import { casesInScope, withinPeriod } from "./report-filter.ts";

const { sql, empty } = Prisma;

/**
 * Needs the fund could not meet either, by area and category, for commissioning. A need belongs
 * to a case, not to a request, so the scheme and route filters do not apply; the period is the
 * day the need was recorded.
 */
export const unmetNeeds: ReportDefinition = {
  name: "unmetNeeds",
  slug: "unmet-needs",
  title: "Unmet needs by category and area",
  description: "Needs recorded in the period that even the fund could not meet, with their estimated cost where given.",
  columns: [
    column("area", "Area", "string"),
    column("category", "Category", "string"),
    column("needs", "Needs recorded", "int"),
    column("costed", "Of those, with an estimated cost", "int"),
    column("estimatedCost", "Estimated cost (pence)", "pence"),
  ],
  reach: "cases",
  query: (scope, filter) => sql`
    SELECT a.name AS "area", u.category::text AS "category", count(*)::int AS "needs",
      count(u.estimated_cost_pence)::int AS "costed",
      COALESCE(sum(u.estimated_cost_pence), 0)::int8 AS "estimatedCost"
    FROM unmet_need u
    JOIN case_record c ON c.authority_id = u.authority_id AND c.id = u.case_id
    JOIN area a ON a.authority_id = c.authority_id AND a.id = c.area_id
    WHERE u.authority_id = ${scope.authorityId}::uuid AND ${casesInScope(scope, filter)}
      ${filter.category ? sql`AND u.category = ${filter.category}::purchase_category` : empty}
      ${withinPeriod(sql`u.created_at`, filter)}
    GROUP BY a.id, a.name, u.category ORDER BY a.name, u.category`,
};
