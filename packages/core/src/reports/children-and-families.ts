import { Prisma } from "../generated/prisma/client.ts";
import { column, type ReportDefinition } from "./report-definition.ts";
import { GRANTED, REQUEST_JOINS, requestConditions, withinPeriod } from "./report-filter.ts";

const { sql } = Prisma;

/**
 * Children and families helped: the children of cases with at least one request granted in the
 * period. A family is a household; children with no household recorded count as their case's family.
 */
export const childrenAndFamilies: ReportDefinition = {
  name: "childrenAndFamilies",
  slug: "children-and-families",
  title: "Children and families helped",
  description: "Children, families and cases with at least one request granted (submitted in the period).",
  columns: [
    column("children", "Children helped", "int"),
    column("families", "Families helped", "int"),
    column("cases", "Cases helped", "int"),
  ],
  reach: "cases",
  query: (scope, filter) => sql`
    SELECT count(DISTINCT ch.id)::int AS "children",
      count(DISTINCT COALESCE(ch.household_id, c.id))::int AS "families",
      count(DISTINCT c.id)::int AS "cases"
    FROM ${REQUEST_JOINS}
    JOIN case_child cc ON cc.authority_id = c.authority_id AND cc.case_id = c.id
    JOIN child ch ON ch.authority_id = cc.authority_id AND ch.id = cc.child_id
    WHERE ${requestConditions(scope, filter)} AND ${GRANTED}${withinPeriod(sql`r.submitted_at`, filter)}`,
};
