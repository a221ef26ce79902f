import type { createTestApi } from "../../support/api-client.ts";

type Api = ReturnType<typeof createTestApi>;

/** Columns each report's GraphQL rows are asked for, in the order the SQL gives them. */
export const FIELDS: Record<string, string> = {
  spendByCategory: "category requests granted spend",
  spendByArea: "area requests granted spend",
  spendByMonth: "month requests granted spend",
  childrenAndFamilies: "children families cases",
  amountDistribution: "band fromPence belowPence requests spend",
  decisionTimes: "decided approved rejected approvalRate medianSeconds p90Seconds",
  ecmOutcomes: "outcome intended intendedAndReviewed achieved",
  matchedFunding: "area granted withMatchedFunding matched spend",
  unmetNeeds: "area category needs costed estimatedCost",
  budgetBurnDown: "budget area month allocated committed spent lapsed remaining steadyRemaining",
  repeatRequests: "requestsPerCase cases requests",
  areaMonthlyTrends: "area month requests granted spend medianGranted",
  outliers: "area reference submittedOn total areaMedian timesMedian",
};

/** Runs one report through the API as the holder of `token`; returns its rows, or the error codes. */
export async function report(api: Api, token: string | undefined, name: string, filter: Record<string, unknown> = {}) {
  const result = await api.graphql(
    `query ($filter: ReportFilter) { reports(filter: $filter) { ${name} { ${FIELDS[name]} } } }`,
    { filter },
    token,
  );
  if (result.errors) return { errors: result.errors.map((error) => error.extensions?.code ?? error.message) };
  return { rows: result.data?.reports?.[name] as Record<string, unknown>[] };
}

/** Rows as arrays of values, easier to read against hand-worked tables. */
export async function table(api: Api, token: string | undefined, name: string, filter: Record<string, unknown> = {}) {
  const result = await report(api, token, name, filter);
  if (!result.rows) throw new Error(`${name} failed: ${JSON.stringify(result.errors)}`);
  return result.rows.map((row) => Object.values(row));
}
