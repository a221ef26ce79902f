import { amountDistribution } from "./amount-distribution.ts";
import { areaMonthlyTrends, outliers } from "./area-trends.ts";
import { budgetBurnDown } from "./budget-burn-down.ts";
import { childrenAndFamilies } from "./children-and-families.ts";
import { decisionTimes } from "./decision-times.ts";
import { ecmOutcomes } from "./ecm-outcomes.ts";
import { matchedFunding } from "./matched-funding.ts";
import { repeatRequests } from "./repeat-requests.ts";
import type { ReportDefinition } from "./report-definition.ts";
import { requestRegister } from "./request-register.ts";
import { spendByArea, spendByCategory, spendByMonth } from "./spend-and-requests.ts";
import { unmetNeeds } from "./unmet-needs.ts";

/** Every report over one authority's data, in the order the portal lists them. */
export const REPORTS: readonly ReportDefinition[] = [
  spendByCategory,
  spendByArea,
  spendByMonth,
  childrenAndFamilies,
  amountDistribution,
  decisionTimes,
  ecmOutcomes,
  matchedFunding,
  unmetNeeds,
  budgetBurnDown,
  repeatRequests,
  areaMonthlyTrends,
  outliers,
  requestRegister,
];

export const reportBySlug = (slug: string) => REPORTS.find((report) => report.slug === slug);
