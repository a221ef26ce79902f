// The demo authority's tiers, set in its settings alone: up to £100 the lead professional signs
// off; up to £500 the locality panel chair of the case's area; up to £1,500 the chair and then
// the head of service; above that refused. Every boundary on, just under and just over.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ConfigurableWorld,
  configurableWorld,
  dayFromToday,
  HEAD,
  LP,
  LP_THORNCOMBE,
  PANEL,
  PANEL_THORNCOMBE,
} from "./configurable-world.ts";

let world: ConfigurableWorld;
const VERSION = "configurable@1.0.0/settings-1";

beforeAll(async () => {
  world = await configurableWorld();
});
afterAll(() => world.database.drop());

/** Submits on Poppy's case in Larkhaven Central; a request left waiting is withdrawn, so the case's cap stays clear. */
async function submitted(pence: number) {
  const result = await world.api.request(LP, {
    caseId: world.poppyCase,
    budgetId: world.larkhavenBudget,
    pence,
    supplierId: world.supplierId,
  });
  if (result.status === "AWAITING_DECISION") await world.api.withdraw(LP, result.id);
  return result;
}
const stepsOf = (result: { steps: { label: string; role: string; status: string; area: { name: string } | null }[] }) =>
  result.steps.map((step) => [step.label, step.role, step.area?.name ?? "whole authority", step.status]);

const PANEL_STEP = ["Locality panel chair", "APPROVER", "Larkhaven Central", "PENDING"];
const HEAD_STEP = ["Head of service", "BUDGET_MANAGER", "whole authority", "WAITING"];

describe("tier 1: up to £100.00 the lead professional signs off at once", () => {
  it.each([9_999, 10_000])("%i pence: approved at once, under settings version 1, review in 42 days", async (pence) => {
    const result = await submitted(pence);
    expect(result).toMatchObject({
      status: "APPROVED",
      rulesVersion: VERSION,
      steps: [],
      reviewDueOn: dayFromToday(42),
    });
    expect(result.decisions).toEqual([
      {
        outcome: "APPROVED",
        role: "LEAD_PROFESSIONAL",
        note: "Up to £100.00 the lead professional signs off",
        rulesVersion: VERSION,
        decider: { name: "Bethan Okorie" },
      },
    ]);
  });
});

describe("tier 2: £100.01 to £500.00, the locality panel chair of the case's area", () => {
  it.each([10_001, 49_999, 50_000])("%i pence: one step, the chair in Larkhaven Central", async (pence) => {
    const result = await submitted(pence);
    expect(result).toMatchObject({
      status: "AWAITING_DECISION",
      rulesVersion: VERSION,
      currentStep: { label: "Locality panel chair" },
    });
    expect(stepsOf(result)).toEqual([PANEL_STEP]);
  });
});

describe("tier 3: £500.01 to £1,500.00, the chair and then the head of service", () => {
  it.each([50_001, 149_999, 150_000])("%i pence: two steps in order", async (pence) => {
    const result = await submitted(pence);
    expect(result.status).toBe("AWAITING_DECISION");
    expect(stepsOf(result)).toEqual([PANEL_STEP, HEAD_STEP]);
  });
});

describe("above the last tier", () => {
  it("£1,500.01: refused, with the tier limit and the per-request cap in words", async () => {
    const result = await submitted(150_001);
    expect(result.__typename).toBe("RulesBrokenError");
    expect(result.violations).toEqual([
      {
        code: "PER_REQUEST_CAP_EXCEEDED",
        field: "items",
        message: "This scheme funds at most £1,500.00 a request; this one is £1,500.01.",
      },
      {
        code: "NOT_APPROVABLE",
        field: "items",
        message:
          "This scheme can approve up to £1,500.00 a request; £1,500.01 is over that. Split the need only if it is genuinely separate, or look for other funding.",
      },
    ]);
  });
});

describe("who decides", () => {
  it("£100.01 in Thorncombe: only Thorncombe's chair may approve; the review falls due in 91 days", async () => {
    const waiting = await world.api.request(LP_THORNCOMBE, {
      caseId: world.siennaCase,
      budgetId: world.thorncombeBudget,
      pence: 10_001,
      supplierId: world.supplierId,
    });
    expect(waiting.steps[0]).toMatchObject({ label: "Locality panel chair", area: { name: "Thorncombe" } });
    // Another area's chair cannot even see the request.
    expect(await world.api.decide(PANEL, waiting.id)).toMatchObject({ code: "NOT_FOUND" });
    expect(await world.api.decide(HEAD, waiting.id)).toMatchObject({ code: "NOT_AUTHORISED" });
    const approved = await world.api.decide(PANEL_THORNCOMBE, waiting.id);
    expect(approved).toMatchObject({ status: "APPROVED", reviewDueOn: dayFromToday(91) });
    expect(approved.decisions).toEqual([
      { outcome: "APPROVED", role: "APPROVER", note: "", rulesVersion: VERSION, decider: { name: "Dafydd Ashworth" } },
    ]);
  });

  it("£500.01: the chair first, then the head of service; the money is committed on the last approval", async () => {
    const waiting = await world.api.request(LP_THORNCOMBE, {
      caseId: world.siennaCase,
      budgetId: world.thorncombeBudget,
      pence: 50_001,
      supplierId: world.supplierId,
    });
    // The head of service's step waits for the chair's.
    expect(await world.api.decide(HEAD, waiting.id)).toMatchObject({ code: "NOT_AUTHORISED" });
    const first = await world.api.decide(PANEL_THORNCOMBE, waiting.id);
    expect(first).toMatchObject({ status: "AWAITING_DECISION", currentStep: { label: "Head of service" } });
    const budget = () => world.db.budget.findUniqueOrThrow({ where: { id: world.thorncombeBudget } });
    const committedBefore = (await budget()).committed;
    const last = await world.api.decide(HEAD, waiting.id);
    expect(last.status).toBe("APPROVED");
    expect(
      last.decisions.map((decision: { role: string; decider: { name: string } }) => [
        decision.role,
        decision.decider.name,
      ]),
    ).toEqual([
      ["APPROVER", "Dafydd Ashworth"],
      ["BUDGET_MANAGER", "Ingrid Halloran"],
    ]);
    expect(last.decisions.every((decision: { rulesVersion: string }) => decision.rulesVersion === VERSION)).toBe(true);
    expect((await budget()).committed).toBe(committedBefore + 50_001);
  });
});
