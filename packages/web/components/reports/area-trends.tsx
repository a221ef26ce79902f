import type { ReportsQuery } from "../../lib/generated/graphql";
import { formatPence } from "../../lib/money";
import { type ReportFilterChoice, reportCsvHref } from "../../lib/report-links";
import { ReportTable } from "./report-table";

type Reports = ReportsQuery["reports"];

/** The steering group's view: each area month by month, and the grants far above their area's usual. */
export function AreaTrends({ reports, filter }: { reports: Reports; filter: ReportFilterChoice }) {
  return (
    <>
      <h2 className="govuk-heading-m">Areas: trends and outliers</h2>
      <ReportTable
        caption="Spend by area"
        rows={reports.spendByArea}
        rowKey={(row) => row.area}
        csvHref={reportCsvHref("spend-by-area", filter)}
        columns={[
          { header: "Area", cell: (row) => row.area },
          { header: "Requests submitted", numeric: true, cell: (row) => row.requests },
          { header: "Requests granted", numeric: true, cell: (row) => row.granted },
          { header: "Spend granted", numeric: true, cell: (row) => formatPence(row.spend) },
        ]}
      />
      <ReportTable
        caption="Each area month by month"
        rows={reports.areaMonthlyTrends}
        rowKey={(row) => `${row.area}-${row.month}`}
        csvHref={reportCsvHref("area-monthly-trends", filter)}
        columns={[
          { header: "Area", cell: (row) => row.area },
          { header: "Month", cell: (row) => row.month },
          { header: "Requests submitted", numeric: true, cell: (row) => row.requests },
          { header: "Requests granted", numeric: true, cell: (row) => row.granted },
          { header: "Spend granted", numeric: true, cell: (row) => formatPence(row.spend) },
          {
            header: "Median grant",
            numeric: true,
            cell: (row) =>
              row.medianGranted === null || row.medianGranted === undefined ? "None" : formatPence(row.medianGranted),
          },
        ]}
      />
      <ReportTable
        caption="Grants of at least three times their area's median"
        rows={reports.outliers}
        rowKey={(row) => row.reference}
        csvHref={reportCsvHref("outliers", filter)}
        columns={[
          { header: "Request", cell: (row) => row.reference },
          { header: "Area", cell: (row) => row.area },
          { header: "Submitted", cell: (row) => row.submittedOn },
          { header: "Amount granted", numeric: true, cell: (row) => formatPence(row.total) },
          { header: "Times the area's median", numeric: true, cell: (row) => row.timesMedian.toFixed(1) },
        ]}
      />
    </>
  );
}
