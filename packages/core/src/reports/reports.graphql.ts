import { PurchaseCategoryEnum } from "../cases/purchase-category.graphql.ts";
import { builder } from "../graphql/builder.ts";
import { rowIdOf } from "../graphql/global-id.ts";
import { PurchaseRouteEnum } from "../purchases/purchase-enums.graphql.ts";
import { REPORTS } from "./report-catalogue.ts";
import type { ReportDefinition } from "./report-definition.ts";
import type { ReportFilter } from "./report-filter.ts";
import { reportTableType } from "./report-table-type.ts";
import { runReport, scopeForReport } from "./run-report.ts";

export const ReportFilterInput = builder.inputType("ReportFilter", {
  description:
    "Narrows every report. Dates are UK calendar days, inclusive; requests count by the day they were submitted.",
  fields: (t) => ({
    scheme: t.string({ required: false, description: 'A scheme\'s id, e.g. "dorset"; "core" for core\'s own.' }),
    areaIds: t.globalIDList({ required: false, description: "Areas (global ids); left out, every area you may see." }),
    from: t.field({ type: "Date", required: false, description: "First day counted." }),
    to: t.field({ type: "Date", required: false, description: "Last day counted." }),
    category: t.field({
      type: PurchaseCategoryEnum,
      required: false,
      description: "Only requests with an item in this category (unmet needs: of this category).",
    }),
    route: t.field({ type: PurchaseRouteEnum, required: false, description: "Only requests taking this route." }),
  }),
});

type FilterInput = typeof ReportFilterInput.$inferInput;

/** Global area ids to row ids; one of another type matches nothing (an impossible id). */
export function reportFilterOf(input: FilterInput | null | undefined): ReportFilter {
  const areaIds = input?.areaIds?.map((id) => rowIdOf(id, "Area") ?? "00000000-0000-0000-0000-000000000000");
  return { ...input, areaIds };
}

const pascal = (name: string) => name[0]?.toUpperCase() + name.slice(1);

const rowType = (report: ReportDefinition) =>
  reportTableType(`${pascal(report.name)}Row`, `A row of "${report.title}".`, report.columns);

const Reports = builder.objectRef<{ filter: ReportFilter }>("Reports").implement({
  description:
    "Figures computed in SQL over your authority's whole data set, as far as your role reaches: managers, finance and administrators the whole authority; overseers and co-ordinators their areas; lead professionals the cases they lead. Each table downloads as CSV at /reports/<name>.csv with the same filters, and every request, one row each, at /reports/requests.csv.",
  fields: (t) =>
    Object.fromEntries(
      REPORTS.filter((report) => !report.downloadOnly).map((report) => [
        report.name,
        t.field({
          type: [rowType(report)],
          description: `${report.description} (CSV: /reports/${report.slug}.csv)`,
          resolve: ({ filter }, _args, context) =>
            runReport(context.db, report, scopeForReport(context.viewer, context.ability, report), filter),
        }),
      ]),
    ),
});

builder.queryField("reports", (t) =>
  t.field({
    type: Reports,
    description: "Monitoring reports, filtered as asked. Refused to anyone whose role does not read figures.",
    authScopes: { signedIn: true },
    args: {
      filter: t.arg({
        type: ReportFilterInput,
        required: false,
        description: "Left out: everything you may see, all time.",
      }),
    },
    resolve: (_root, args, context) => {
      scopeForReport(context.viewer, context.ability, { reach: "cases", title: "Reports" });
      return { filter: reportFilterOf(args.filter) };
    },
  }),
);
