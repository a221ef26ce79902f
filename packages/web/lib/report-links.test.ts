import { describe, expect, test } from "vitest";
import { NO_FILTER, reportCsvHref, reportFilterInput } from "./report-links";

describe("report CSV links", () => {
  test("carry every filter chosen, and nothing for the ones left at any", () => {
    expect(reportCsvHref("spend-by-month", NO_FILTER)).toBe("/reports/spend-by-month.csv");
    expect(
      reportCsvHref("spend-by-category", {
        from: "2026-04-01",
        to: "2027-03-31",
        areaId: "QXJlYTox",
        category: "TRANSPORT",
        route: "CASH",
      }),
    ).toBe("/reports/spend-by-category.csv?from=2026-04-01&to=2027-03-31&area=QXJlYTox&category=TRANSPORT&route=CASH");
  });

  test("the GraphQL filter leaves out what was left at any", () => {
    expect(reportFilterInput({ ...NO_FILTER, areaId: "QXJlYTox" })).toEqual({
      from: undefined,
      to: undefined,
      areaIds: ["QXJlYTox"],
      category: undefined,
      route: undefined,
    });
  });
});
