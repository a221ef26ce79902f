import type { ReportsQuery } from "../../lib/generated/graphql";
import { formatPence } from "../../lib/money";
import { categoryWords } from "../../lib/purchase-words";
import { type ReportFilterChoice, reportCsvHref } from "../../lib/report-links";
import { ReportBarChart } from "./report-bar-chart";
import { ReportTable } from "./report-table";

type Reports = ReportsQuery["reports"];

const pounds = (pence: number) => pence / 100;
const poundsLabel = (value: number) => formatPence(Math.round(value * 100));
const categoryName = (category: string) => categoryWords[category as keyof typeof categoryWords] ?? category;

/** Spend and requests by month and by category, and how the amounts granted spread. */
export function SpendFigures({ reports, filter }: { reports: Reports; filter: ReportFilterChoice }) {
  const total = reports.spendByMonth.reduce((sum, row) => sum + row.spend, 0);
  const submitted = reports.spendByMonth.reduce((sum, row) => sum + row.requests, 0);
  const granted = reports.spendByMonth.reduce((sum, row) => sum + row.granted, 0);
  return (
    <>
      <h2 className="govuk-heading-m">Spend</h2>
      <dl className="govuk-summary-list" aria-label="Spend in total">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Spend granted</dt>
          <dd className="govuk-summary-list__value" data-testid="total-spend">
            {formatPence(total)}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Requests submitted</dt>
          <dd className="govuk-summary-list__value">{submitted}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Requests granted</dt>
          <dd className="govuk-summary-list__value">{granted}</dd>
        </div>
      </dl>

      <h3 className="govuk-heading-s">By month</h3>
      <ReportBarChart
        title="Spend granted by month of submission, in pounds"
        data={reports.spendByMonth.map((row) => ({ month: row.month, spend: pounds(row.spend) }))}
        labelKey="month"
        bars={[{ key: "spend", name: "Spend granted", colour: "#1d70b8" }]}
        formatValue={poundsLabel}
      />
      <ReportTable
        caption="Spend and requests by month"
        rows={reports.spendByMonth}
        rowKey={(row) => row.month}
        csvHref={reportCsvHref("spend-by-month", filter)}
        columns={[
          { header: "Month", cell: (row) => row.month },
          { header: "Requests submitted", numeric: true, cell: (row) => row.requests },
          { header: "Requests granted", numeric: true, cell: (row) => row.granted },
          { header: "Spend granted", numeric: true, cell: (row) => formatPence(row.spend) },
        ]}
      />

      <h3 className="govuk-heading-s">By kind of help</h3>
      <ReportBarChart
        title="Spend granted by kind of help, in pounds"
        data={reports.spendByCategory.map((row) => ({
          category: categoryName(row.category),
          spend: pounds(row.spend),
        }))}
        labelKey="category"
        bars={[{ key: "spend", name: "Spend granted", colour: "#00703c" }]}
        formatValue={poundsLabel}
      />
      <ReportTable
        caption="Spend and requests by kind of help"
        rows={reports.spendByCategory}
        rowKey={(row) => row.category}
        csvHref={reportCsvHref("spend-by-category", filter)}
        columns={[
          { header: "Kind of help", cell: (row) => categoryName(row.category) },
          { header: "Requests submitted", numeric: true, cell: (row) => row.requests },
          { header: "Requests granted", numeric: true, cell: (row) => row.granted },
          { header: "Spend granted", numeric: true, cell: (row) => formatPence(row.spend) },
        ]}
      />

      <h3 className="govuk-heading-s">Amounts granted</h3>
      <ReportBarChart
        title="Requests granted by amount"
        data={reports.amountDistribution.map((row) => ({ band: row.band, requests: row.requests }))}
        labelKey="band"
        bars={[{ key: "requests", name: "Requests granted", colour: "#4c2c92" }]}
        formatValue={(value) => String(value)}
      />
      <ReportTable
        caption="Requests granted by amount"
        rows={reports.amountDistribution}
        rowKey={(row) => row.band}
        csvHref={reportCsvHref("amount-distribution", filter)}
        columns={[
          { header: "Amount", cell: (row) => row.band },
          { header: "Requests granted", numeric: true, cell: (row) => row.requests },
          { header: "Spend granted", numeric: true, cell: (row) => formatPence(row.spend) },
        ]}
      />
    </>
  );
}
