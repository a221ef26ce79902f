import { expect, test } from "vitest";
import { monthlyMovements } from "./monthly-movements";

test("the chart shows each month's spend net of cash returned, and commitments net of releases", () => {
  const entry = (kind: string, pence: number, createdAt: string) => ({ kind, amount: { pence }, createdAt }) as never;
  const months = monthlyMovements(
    [
      entry("ALLOCATION", 1_500_000, "2026-04-01T09:00:00Z"),
      entry("COMMITMENT", 12_000, "2026-05-03T09:00:00Z"),
      entry("SPEND", 11_250, "2026-05-20T09:00:00Z"),
      entry("RELEASE", 750, "2026-06-01T09:00:00Z"),
      entry("RETURN", 750, "2026-06-01T09:00:00Z"),
    ],
    "2026-04-01",
    "2027-03-31",
  );
  expect(months).toHaveLength(12);
  expect(months[1]).toMatchObject({ key: "2026-05", spent: 11_250, committed: 12_000 });
  expect(months[2]).toMatchObject({ key: "2026-06", spent: -750, committed: -750 });
  expect(months[0]).toMatchObject({ spent: 0, committed: 0 });
});
