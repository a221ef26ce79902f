import { describe, expect, it } from "vitest";
import { dayFromToday, demoCounty } from "./cic-api.ts";

const SW = "sw@children-in-care.example";
const TM = "tm@children-in-care.example";

const county = demoCounty();

describe("the demo county", () => {
  it("runs the scheme with one authority-wide budget, and social workers leading looked-after children's cases", async () => {
    const budget = await county.database.db.budget.findUniqueOrThrow({ where: { id: county.budgetId } });
    expect(budget).toMatchObject({ areaId: null, allocated: 4_000_000 });
    const scheme = await county.api.call(SW, `{ schemes { id enabled roles settings } }`);
    expect(scheme.schemes.find((s: { id: string }) => s.id === "children-in-care")).toEqual({
      id: "children-in-care",
      enabled: true,
      roles: {
        "social-worker": { label: "Social worker", coreRole: "LEAD_PROFESSIONAL" },
        "team-manager": { label: "Team manager", coreRole: "APPROVER" },
      },
      settings: {
        selfSignOffLimitPence: 25_000,
        teamManagerLimitPence: 200_000,
        reviewDueInDays: 56,
        receiptsDueInDays: 28,
      },
    });
  });
});

describe("the social worker's limited budget (£250.00 by default)", () => {
  it("£250.00: the social worker signs off at once, under settings version 1", async () => {
    const result = await county.api.request(SW, county.kai(), county.budgetId, 25_000);
    expect(result).toMatchObject({ status: "APPROVED", rulesVersion: "children-in-care@1.0.0/settings-1" });
    expect(result.decisions).toEqual([
      {
        outcome: "APPROVED",
        role: "LEAD_PROFESSIONAL",
        rulesVersion: "children-in-care@1.0.0/settings-1",
        decider: { name: "Imogen Farrant" },
      },
    ]);
  });

  it("£249.99: signed off at once too", async () => {
    expect((await county.api.request(SW, county.kai(), county.budgetId, 24_999)).status).toBe("APPROVED");
  });

  it("£250.01: goes to the team manager of the child's area, and only they may approve it", async () => {
    const result = await county.api.request(SW, county.kai(), county.budgetId, 25_001);
    expect(result).toMatchObject({
      status: "AWAITING_DECISION",
      currentStep: { label: "Team manager", area: { name: "Harrowmere North" } },
    });
    expect((await county.api.decide("tm-south@children-in-care.example", result.id)).code).toBe("NOT_FOUND");
    const approved = await county.api.decide(TM, result.id);
    expect(approved.status).toBe("APPROVED");
    expect(approved.decisions).toEqual([
      {
        outcome: "APPROVED",
        role: "APPROVER",
        rulesVersion: "children-in-care@1.0.0/settings-1",
        decider: { name: "Bethan Oduya" },
      },
    ]);
  });
});

describe("the larger level, with the team manager's scrutiny (up to £2,000.00 by default)", () => {
  it("£2,000.00 and £1,999.99: the team manager's", async () => {
    expect((await county.api.request(SW, county.kai(), county.budgetId, 200_000)).currentStep).toEqual({
      label: "Team manager",
      area: { name: "Harrowmere North" },
    });
    expect((await county.api.request(SW, county.kai(), county.budgetId, 199_999)).currentStep).toEqual({
      label: "Team manager",
      area: { name: "Harrowmere North" },
    });
  });

  it("£2,000.01: refused, with the limit in words", async () => {
    const result = await county.api.request(SW, county.kai(), county.budgetId, 200_001);
    expect(result.__typename).toBe("RulesBrokenError");
    expect(result.violations).toEqual([
      {
        code: "NOT_APPROVABLE",
        field: "items",
        message: "The children-in-care budget funds up to £2,000.00 a request; £2,000.01 is over that.",
      },
    ]);
  });
});

describe("only looked-after children", () => {
  it("refuses a child who is not looked after, saying which budget to use instead", async () => {
    const result = await county.api.request(
      "sw-south@children-in-care.example",
      county.caseIds.get("CIC-0003") as string,
      county.budgetId,
      1_000,
    );
    expect(result.violations).toEqual([
      {
        code: "CIC_NOT_LOOKED_AFTER",
        field: "caseId",
        message:
          "The children-in-care budget is only for looked-after children, and no child on this case is looked after. Use another of your authority's budgets for this request.",
      },
    ]);
  });

  it("refuses a joint case of siblings when one of them is not looked after", async () => {
    const result = await county.api.request(SW, county.caseIds.get("CIC-0002") as string, county.budgetId, 1_000);
    expect(result.violations).toEqual([
      expect.objectContaining({
        code: "CIC_NOT_LOOKED_AFTER",
        message: expect.stringContaining("1 of the 2 children on this case are not looked after"),
      }),
    ]);
  });

  it("reports the eligibility and the level together, so both can be fixed at once", async () => {
    const result = await county.api.request(
      "sw-south@children-in-care.example",
      county.caseIds.get("CIC-0003") as string,
      county.budgetId,
      250_000,
    );
    expect(result.violations.map((v: { code: string }) => v.code)).toEqual(["CIC_NOT_LOOKED_AFTER", "NOT_APPROVABLE"]);
  });
});

describe("dates the scheme sets", () => {
  it("the outcome review falls due 56 days after approval; receipts for cash 28 days after it is issued", async () => {
    const result = await county.api.request(SW, county.kai(), county.budgetId, 5_000);
    expect(result.reviewDueOn).toBe(dayFromToday(56));
    const fulfilled = await county.api.issueCash(
      "finance@children-in-care.example",
      result.id,
      5_000,
      "Imogen Farrant",
    );
    expect(fulfilled).toMatchObject({ status: "FULFILLED", receiptsDueOn: dayFromToday(28) });
  });
});
