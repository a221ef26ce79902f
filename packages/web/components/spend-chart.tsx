"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { LedgerEntryKind } from "../lib/generated/graphql";
import { formatPence } from "../lib/money";

interface Entry {
  kind: LedgerEntryKind;
  amount: { pence: number };
  createdAt: string;
}

const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "short", year: "2-digit", timeZone: "UTC" });

/** Spend and commitments per month of the budget's period, from its ledger. */
export function monthlyMovements(entries: readonly Entry[], periodStart: string, periodEnd: string) {
  const months: { key: string; month: string; spent: number; committed: number }[] = [];
  const start = new Date(periodStart);
  const end = new Date(periodEnd);
  for (
    let at = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1));
    at <= end;
    at.setUTCMonth(at.getUTCMonth() + 1)
  )
    months.push({ key: at.toISOString().slice(0, 7), month: monthFormat.format(at), spent: 0, committed: 0 });
  for (const entry of entries) {
    const month = months.find((candidate) => candidate.key === entry.createdAt.slice(0, 7));
    if (!month) continue;
    if (entry.kind === "SPEND") month.spent += entry.amount.pence;
    if (entry.kind === "RETURN") month.spent -= entry.amount.pence;
    if (entry.kind === "COMMITMENT") month.committed += entry.amount.pence;
    if (entry.kind === "RELEASE") month.committed -= entry.amount.pence;
  }
  return months;
}

export function SpendChart({
  entries,
  periodStart,
  periodEnd,
}: {
  entries: readonly Entry[];
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
