import { formatDuration } from "../../lib/durations";
import type { ReportsQuery } from "../../lib/generated/graphql";
import { formatPence } from "../../lib/money";
import { categoryWords, ecmOutcomeWords } from "../../lib/purchase-words";
import { type ReportFilterChoice, reportCsvHref } from "../../lib/report-links";
import { ReportBarChart } from "./report-bar-chart";
import { ReportTable } from "./report-table";

type Reports = ReportsQuery["reports"];

const percent = (rate: number | null | undefined) =>
  rate === null || rate === undefined ? "No decisions yet" : `${Math.round(rate * 100)}%`;
const outcomeName = (outcome: string) => ecmOutcomeWords[outcome as keyof typeof ecmOutcomeWords] ?? outcome;
const categoryName = (category: string) => categoryWords[category as keyof typeof categoryWords] ?? category;

/** Who was helped, how quickly decisions came, what difference was made, and what went unmet. */
export function MonitoringFigures({ reports, filter }: { reports: Reports; filter: ReportFilterChoice }) {
  return (
    <>
      <h2 className="govuk-heading-m">Children and families helped</h2>
      <ReportTable
        caption="Children, families and cases with a request granted"
        rows={reports.childrenAndFamilies}
        rowKey={(_row, index) => String(index)}
        csvHref={reportCsvHref("children-and-families", filter)}
        columns={[
          { header: "Children", numeric: true, cell: (row) => row.children },
          { header: "Families", numeric: true, cell: (row) => row.families },
          { header: "Cases", numeric: true, cell: (row) => row.cases },
        ]}
      />

      <h2 className="govuk-heading-m">Decisions</h2>
      <ReportTable
        caption="Time from submission to decision, and approval rate"
        rows={reports.decisionTimes}
        rowKey={(_row, index) => String(index)}
        csvHref={reportCsvHref("decision-times", filter)}
        columns={[
          { header: "Decided", numeric: true, cell: (row) => row.decided },
          { header: "Approved", numeric: true, cell: (row) => row.approved },
          { header: "Approval rate", numeric: true, cell: (row) => percent(row.approvalRate) },
          { header: "Median time", numeric: true, cell: (row) => formatDuration(row.medianSeconds) },
          { header: "90th percentile", numeric: true, cell: (row) => formatDuration(row.p90Seconds) },
        ]}
      />

      <h2 className="govuk-heading-m">Every Child Matters outcomes</h2>
      <ReportBarChart
        title="Outcomes intended and achieved"
        data={reports.ecmOutcomes.map((row) => ({
          outcome: outcomeName(row.outcome),
          intended: row.intended,
          achieved: row.achieved,
        }))}
        labelKey="outcome"
        bars={[
          { key: "intended", name: "Intended", colour: "#1d70b8" },
          { key: "achieved", name: "Achieved", colour: "#00703c" },
        ]}
        formatValue={(value) => String(value)}
      />
      <ReportTable
        caption="Outcomes intended and achieved"
        rows={reports.ecmOutcomes}
        rowKey={(row) => row.outcome}
        csvHref={reportCsvHref("ecm-outcomes", filter)}
        columns={[
          { header: "Outcome", cell: (row) => outcomeName(row.outcome) },
          { header: "Requests intending it", numeric: true, cell: (row) => row.intended },
          { header: "Of those, reviewed", numeric: true, cell: (row) => row.intendedAndReviewed },
          { header: "Reviews recording it achieved", numeric: true, cell: (row) => row.achieved },
        ]}
      />

      <h2 className="govuk-heading-m">Matched funding</h2>
      <ReportTable
        caption="Money others put in beside the fund's, per area"
        rows={reports.matchedFunding}
        rowKey={(row) => row.area}
        csvHref={reportCsvHref("matched-funding", filter)}
        columns={[
          { header: "Area", cell: (row) => row.area },
          { header: "Requests granted", numeric: true, cell: (row) => row.granted },
          { header: "Of those, with matched funding", numeric: true, cell: (row) => row.withMatchedFunding },
          { header: "Matched funding", numeric: true, cell: (row) => formatPence(row.matched) },
          { header: "Fund's spend", numeric: true, cell: (row) => formatPence(row.spend) },
        ]}
      />

      <h2 className="govuk-heading-m">Repeat requests</h2>
      <ReportTable
        caption="Cases by how many requests were made for them"
        rows={reports.repeatRequests}
        rowKey={(row) => row.requestsPerCase}
        csvHref={reportCsvHref("repeat-requests", filter)}
        columns={[
          { header: "Requests per case", cell: (row) => row.requestsPerCase },
          { header: "Cases", numeric: true, cell: (row) => row.cases },
          { header: "Requests", numeric: true, cell: (row) => row.requests },
        ]}
      />

      <h2 className="govuk-heading-m">Unmet needs</h2>
      <ReportTable
        caption="Needs the fund could not meet"
        rows={reports.unmetNeeds}
        rowKey={(row) => `${row.area}-${row.category}`}
        csvHref={reportCsvHref("unmet-needs", filter)}
        columns={[
          { header: "Area", cell: (row) => row.area },
          { header: "Kind of help", cell: (row) => categoryName(row.category) },
          { header: "Needs recorded", numeric: true, cell: (row) => row.needs },
          { header: "Estimated cost", numeric: true, cell: (row) => formatPence(row.estimatedCost) },
        ]}
      />
    </>
  );
}
