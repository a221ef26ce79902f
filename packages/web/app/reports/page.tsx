"use client";
import { useState } from "react";
import { useQuery } from "urql";
import { AreaTrends } from "../../components/reports/area-trends";
import { BudgetBurnDown } from "../../components/reports/budget-burn-down";
import { MonitoringFigures } from "../../components/reports/monitoring-figures";
import { ReportFilterForm } from "../../components/reports/report-filter-form";
import { SpendFigures } from "../../components/reports/spend-figures";
import { useSession } from "../../components/session";
import { LoadFailed, Loading } from "../../components/states";
import { graphql } from "../../lib/generated";
import { NO_FILTER, reportFilterInput } from "../../lib/report-links";

const ReportAreasDocument = graphql(`
  query ReportAreas {
    areas(first: 100) { edges { node { id name } } }
  }
`);

const ReportsDocument = graphql(`
  query Reports($filter: ReportFilter) {
    reports(filter: $filter) {
      spendByMonth { month requests granted spend }
      spendByCategory { category requests granted spend }
      spendByArea { area requests granted spend }
      amountDistribution { band fromPence belowPence requests spend }
      decisionTimes { decided approved rejected approvalRate medianSeconds p90Seconds }
      childrenAndFamilies { children families cases }
      ecmOutcomes { outcome intended intendedAndReviewed achieved }
      unmetNeeds { area category needs costed estimatedCost }
      matchedFunding { area granted withMatchedFunding matched spend }
      repeatRequests { requestsPerCase cases requests }
      budgetBurnDown { budget area month allocated committed spent lapsed remaining steadyRemaining }
      areaMonthlyTrends { area month requests granted spend medianGranted }
      outliers { area reference submittedOn total areaMedian timesMedian }
    }
  }
`);

export default function ReportsPage() {
  const { hasRole } = useSession();
  const [applied, setApplied] = useState(NO_FILTER);
  const [areas] = useQuery({ query: ReportAreasDocument });
  const [{ data, fetching, error }] = useQuery({
    query: ReportsDocument,
    variables: { filter: reportFilterInput(applied) },
  });
  const oversees = hasRole("OVERSEER", "BUDGET_MANAGER", "AUTHORITY_ADMIN");
  return (
    <>
      <h1 className="govuk-heading-l">Reports</h1>
      <p className="govuk-body">
        What the fund bought and what difference it made, counted by the day each request was submitted, over the areas
        your role reaches.
      </p>
      <ReportFilterForm
        areas={areas.data?.areas.edges.map((edge) => edge.node) ?? []}
        applied={applied}
        onApply={setApplied}
      />
      {error && !data ? (
        <LoadFailed />
      ) : fetching || !data ? (
        <Loading what="reports" />
      ) : (
        <>
          <SpendFigures reports={data.reports} filter={applied} />
          <MonitoringFigures reports={data.reports} filter={applied} />
          {oversees && <AreaTrends reports={data.reports} filter={applied} />}
          <BudgetBurnDown reports={data.reports} filter={applied} />
        </>
      )}
    </>
  );
}
