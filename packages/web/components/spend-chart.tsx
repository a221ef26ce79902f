"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatPence } from "../lib/money";
import { type LedgerMovement, monthlyMovements } from "../lib/monthly-movements";

export function SpendChart({
  entries,
  periodStart,
  periodEnd,
}: {
  entries: readonly LedgerMovement[];
  periodStart: string;
  periodEnd: string;
}) {
  const data = monthlyMovements(entries, periodStart, periodEnd).map((month) => ({
    ...month,
    spent: month.spent / 100,
    committed: month.committed / 100,
  }));
  return (
    <figure className="govuk-!-margin-0">
      <figcaption className="govuk-heading-s">Spend and new commitments by month, in pounds</figcaption>
      <div className="app-chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" stroke="#b1b4b6" />
            <XAxis dataKey="month" stroke="#0b0c0c" />
            <YAxis stroke="#0b0c0c" />
            <Tooltip formatter={(value) => formatPence(Math.round(Number(value) * 100))} />
            <Legend />
            <Bar dataKey="committed" name="Committed" fill="#1d70b8" />
            <Bar dataKey="spent" name="Spent" fill="#00703c" />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">The chart's figures as a table</span>
        </summary>
        <div className="govuk-details__text">
          <table className="govuk-table">
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Month
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Committed
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Spent
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {data.map((month) => (
                <tr className="govuk-table__row" key={month.key}>
                  <td className="govuk-table__cell">{month.month}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">
                    {formatPence(Math.round(month.committed * 100))}
                  </td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">
                    {formatPence(Math.round(month.spent * 100))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
