import type { ReportsQuery } from "../../lib/generated/graphql";
import { formatPence } from "../../lib/money";
import { type ReportFilterChoice, reportCsvHref } from "../../lib/report-links";
import { ReportBarChart } from "./report-bar-chart";
import { ReportTable } from "./report-table";

type Reports = ReportsQuery["reports"];

/** Month by month, what is left in each budget against a steady spend over its period. */
export function BudgetBurnDown({ reports, filter }: { reports: Reports; filter: ReportFilterChoice }) {
  const byMonth = new Map<string, { month: string; remaining: number; steadyRemaining: number }>();
  for (const row of reports.budgetBurnDown) {
    const month = byMonth.get(row.month) ?? { month: row.month, remaining: 0, steadyRemaining: 0 };
    month.remaining += row.remaining;
    month.steadyRemaining += row.steadyRemaining;
    byMonth.set(row.month, month);
  }
  return (
    <>
      <h2 className="govuk-heading-m">Budget burn-down</h2>
      <ReportBarChart
        title="Left in the budgets, against a steady spend"
        data={[...byMonth.values()]}
        labelKey="month"
        bars={[
          { key: "remaining", name: "Left", colour: "#1d70b8" },
          { key: "steadyRemaining", name: "Left at a steady spend", colour: "#505a5f" },
        ]}
        formatValue={formatPence}
      />
      <ReportTable
        caption="Each budget, month by month"
        rows={reports.budgetBurnDown}
        rowKey={(row) => `${row.budget}-${row.month}`}
        csvHref={reportCsvHref("budget-burn-down", filter)}
        columns={[
          { header: "Budget", cell: (row) => row.budget },
          { header: "Area", cell: (row) => row.area },
          { header: "Month", cell: (row) => row.month },
          { header: "Allocated", numeric: true, cell: (row) => formatPence(row.allocated) },
          { header: "Spent", numeric: true, cell: (row) => formatPence(row.spent) },
          { header: "Committed", numeric: true, cell: (row) => formatPence(row.committed) },
          { header: "Left", numeric: true, cell: (row) => formatPence(row.remaining) },
          { header: "Left at a steady spend", numeric: true, cell: (row) => formatPence(row.steadyRemaining) },
        ]}
      />
    </>
  );
}
