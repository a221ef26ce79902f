"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ChartBar {
  key: string;
  name: string;
  colour: string;
}

/**
 * A bar chart for people who would rather look than read. Hidden from screen readers: the table
 * beside it holds the same figures.
 */
export function ReportBarChart({
  title,
  data,
  labelKey,
  bars,
  formatValue,
}: {
  title: string;
  data: readonly Record<string, string | number>[];
  labelKey: string;
  bars: ChartBar[];
  formatValue(value: number): string;
}) {
  return (
    <figure className="govuk-!-margin-0">
      <figcaption className="govuk-body govuk-!-font-weight-bold">{title}</figcaption>
      <div className="app-chart" aria-hidden="true" data-testid="report-chart">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={[...data]} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" stroke="#b1b4b6" />
            <XAxis dataKey={labelKey} stroke="#0b0c0c" />
            <YAxis stroke="#0b0c0c" />
            <Tooltip formatter={(value) => formatValue(Number(value))} />
            {bars.length > 1 && <Legend />}
            {bars.map((bar) => (
              <Bar key={bar.key} dataKey={bar.key} name={bar.name} fill={bar.colour} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
