// The pure parts, without a database: guidance for shapes the demo does not use, review bands,
// ages on birthdays, and the approval chain's scopes.
import { describe, expect, it } from "vitest";
import { ageOn } from "../src/ages.ts";
import { configurableGuidance } from "../src/portal.ts";
import { reviewDays } from "../src/review-due.ts";
import { configurableSettings } from "../src/settings.ts";
import { configurableApprovalChain } from "../src/tiers.ts";

const settings = configurableSettings.parse({
  approvalTiers: [
    { upToPence: 20_000, steps: [{ role: "APPROVER", label: "Area co-ordinator" }] },
    { upToPence: 80_000, steps: [{ role: "OVERSEER", scope: "authority", label: "Steering group chair" }] },
  ],
  perChildCap: { capPence: 30_000, period: "rolling-year" },
  allowedRoutes: ["CASH"],
  excludeDisabled: true,
  requireCafDocument: true,
  requireMatchedFunding: true,
  reviewDueInDays: 56,
});

describe("the rules in words", () => {
  it("names the first tier's approver when nobody signs off alone, and every rule switched on", () => {
    expect(configurableGuidance(settings)).toEqual([
      "Up to £200.00: the Area co-ordinator",
      "Between £200.01 and £800.00: the Steering group chair",
      "Over £800.00: not funded by this scheme",
      "At most £1,000.00 a request",
      "At most £300.00 per child in any twelve months",
      "For children aged 0 to 19 on the day of the request",
      "Not for disabled children",
      "Attach the CAF document to the case's latest assessment",
      "Record what the family puts in (matched funding)",
      "Paid by cash (receipts and change back within 28 days)",
      "Outcome review: 56 days after approval",
    ]);
  });
});

describe("approval chain scopes", () => {
  const review = (total: number) => ({
    request: { total } as never,
    case: { id: "case", areaId: "area-1", children: [], assessments: [] },
  });
  it("case-area steps go to the case's area, authority steps to anyone with the role", () => {
    expect(configurableApprovalChain(settings, review(20_000))).toEqual({
      kind: "steps",
      steps: [{ role: "APPROVER", areaId: "area-1", label: "Area co-ordinator" }],
    });
    expect(configurableApprovalChain(settings, review(20_001))).toEqual({
      kind: "steps",
      steps: [{ role: "OVERSEER", areaId: null, label: "Steering group chair" }],
    });
    expect(configurableApprovalChain(settings, review(80_001)).kind).toBe("refused");
  });
});

describe("review bands", () => {
  const banded = configurableSettings.parse({
    reviewDueInDays: [
      { upToPence: 10_000, days: 28 },
      { upToPence: 50_000, days: 42 },
    ],
  });
  it("the band covering the amount, and the last band above it", () => {
    expect([10_000, 10_001, 50_000, 50_001, 1_000_000].map((total) => reviewDays(banded, total))).toEqual([
      28, 42, 42, 42, 42,
    ]);
    expect(reviewDays(settings, 1)).toBe(56);
  });
});

describe("ages", () => {
  const dob = new Date("2010-06-15T00:00:00Z");
  it("counts the birthday itself, by the calendar day in England", () => {
    expect(ageOn(dob, new Date("2026-06-14T12:00:00Z"))).toBe(15);
    expect(ageOn(dob, new Date("2026-06-15T12:00:00Z"))).toBe(16);
    // 23:30 UTC on the 14th is already the 15th in London (BST).
    expect(ageOn(dob, new Date("2026-06-14T23:30:00Z"))).toBe(16);
  });
});
