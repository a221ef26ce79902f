import { Prisma } from "../generated/prisma/client.ts";
import { column, type ReportDefinition } from "./report-definition.ts";
import { GRANTED, REQUEST_JOINS, requestConditions, withinPeriod } from "./report-filter.ts";

const { sql, join } = Prisma;

/** From bus fares to counselling packages: the bands the schemes' documents speak in, in pence. */
export const AMOUNT_BANDS: readonly { label: string; from: number; below: number | null }[] = [
  { label: "Under £10", from: 0, below: 1_000 },
  { label: "£10 to £49.99", from: 1_000, below: 5_000 },
  { label: "£50 to £99.99", from: 5_000, below: 10_000 },
  { label: "£100 to £249.99", from: 10_000, below: 25_000 },
  { label: "£250 to £499.99", from: 25_000, below: 50_000 },
  { label: "£500 to £999.99", from: 50_000, below: 100_000 },
  { label: "£1,000 and over", from: 100_000, below: null },
];

const bands = join(
  AMOUNT_BANDS.map(
    (band, position) => sql`(${position}::int, ${band.label}::text, ${band.from}::int, ${band.below}::int)`,
  ),
);

export const amountDistribution: ReportDefinition = {
  name: "amountDistribution",
  slug: "amount-distribution",
  title: "Distribution of amounts",
  description: "Requests granted by the band of their total, every band listed (empty ones as 0).",
  columns: [
    column("band", "Amount", "string"),
    column("fromPence", "From (pence)", "pence"),
    column("belowPence", "Below (pence)", "pence", { nullable: true }),
    column("requests", "Requests granted", "int"),
    column("spend", "Spend granted (pence)", "pence"),
  ],
  reach: "cases",
  query: (scope, filter) => sql`
    WITH granted AS (
      SELECT r.total_pence FROM ${REQUEST_JOINS}
      WHERE ${requestConditions(scope, filter)} AND ${GRANTED}${withinPeriod(sql`r.submitted_at`, filter)}
    )
    SELECT band.label AS "band", band.low AS "fromPence", band.high AS "belowPence",
      count(g.total_pence)::int AS "requests", COALESCE(sum(g.total_pence), 0)::int8 AS "spend"
    FROM (VALUES ${bands}) AS band(position, label, low, high)
    LEFT JOIN granted g ON g.total_pence >= band.low AND (band.high IS NULL OR g.total_pence < band.high)
    GROUP BY band.position, band.label, band.low, band.high ORDER BY band.position`,
};
