import type { PurchaseCategory, PurchaseRoute } from "./generated/graphql";

/** What a person asked the reports page to narrow to, as the filter form holds it ("" is "any"). */
export interface ReportFilterChoice {
  from: string;
  to: string;
  areaId: string;
  category: PurchaseCategory | "";
  route: PurchaseRoute | "";
}

export const NO_FILTER: ReportFilterChoice = { from: "", to: "", areaId: "", category: "", route: "" };

/** The choice as GraphQL's `ReportFilter`: fields left at "any" are left out. */
export function reportFilterInput(choice: ReportFilterChoice) {
  return {
    from: choice.from || undefined,
    to: choice.to || undefined,
    areaIds: choice.areaId ? [choice.areaId] : undefined,
    category: choice.category || undefined,
    route: choice.route || undefined,
  };
}

/**
 * The CSV download of one report table with the same filters, in the query parameters the API's
 * `/reports/<name>.csv` reads (the portal forwards it with the session cookie).
 */
export function reportCsvHref(name: string, choice: ReportFilterChoice): string {
  const params = new URLSearchParams();
  if (choice.from) params.set("from", choice.from);
  if (choice.to) params.set("to", choice.to);
  if (choice.areaId) params.append("area", choice.areaId);
  if (choice.category) params.set("category", choice.category);
  if (choice.route) params.set("route", choice.route);
  const query = params.toString();
  return `/reports/${name}.csv${query ? `?${query}` : ""}`;
}
