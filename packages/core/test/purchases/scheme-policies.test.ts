// The approval engine's mechanics, driven by a scheme's policy: self sign-off, a chain of
// steps, a refusal, and a cumulative cap. The scheme here is a test double of a plugin's
// rules (plugins arrive with their own issue); everything else is the real engine.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Pence } from "../../src/domain/money.ts";
import { addDays, coreScheme, StaticSchemeRegistry } from "../../src/schemes/core-scheme.ts";
import { checkCumulativeCap } from "../../src/schemes/cumulative-cap.ts";
import type { ApprovalStepSpec, SchemeRules } from "../../src/schemes/scheme-rules.ts";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { balances, draftInput, purchaseApi } from "./support/purchase-api.ts";
import { globalId, PASSWORD, type PurchaseWorld, seedPurchaseWorld } from "./support/purchase-world.ts";

/** Up to £100 the lead professional signs off; up to £500 the area's approver; then also the budget manager; above £1,000 refused; £600 a case. */
const tieredScheme: SchemeRules = {
  ...coreScheme,
  schemeId: "tiered-test",
  rulesVersion: "tiered-test-v3",
  async approvalChain({ request, case: c }) {
    if (request.total <= 10_000)
      return { kind: "self-sign-off", reason: "Up to £100: the lead professional signs off" };
    if (request.total > 100_000)
      return { kind: "refused", reason: "Over £1,000 cannot be approved under this scheme." };
    const steps: ApprovalStepSpec[] = [{ role: "APPROVER", areaId: c.areaId, label: "Area co-ordinator" }];
    if (request.total > 50_000) steps.push({ role: "BUDGET_MANAGER", areaId: null, label: "Budget manager" });
    return { kind: "steps", steps };
  },
  checkSubmission: (review) =>
    checkCumulativeCap(review, {
      cap: 60_000 as Pence,
      scope: "case",
      since: new Date("2026-01-01"),
      describe: "per case",
    }),
  reviewDueOn: ({ approvedOn }) => addDays(approvedOn, 30),
};

let database: TestDatabase;
let world: PurchaseWorld;
let api: ReturnType<typeof createTestApi>;
let purchases: ReturnType<typeof purchaseApi>;
const token: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedPurchaseWorld(database.db, "alpha", { allocation: 500_000 });
  await database.db.budget.update({ where: { id: world.budgetId }, data: { scheme: "tiered-test" } });
  api = createTestApi(database.db, { schemes: new StaticSchemeRegistry().register(tieredScheme) });
  purchases = purchaseApi(api);
  for (const who of ["lp", "approver", "budgets"]) token[who] = await api.signIn(`${who}@alpha.test`, PASSWORD);
});
afterAll(() => database.drop());

const submit = async (pence: number) => {
  const draft = await purchases.create(token.lp as string, draftInput(world, [{ unitCost: pence }]));
  return purchases.submit(token.lp as string, draft.id);
};

describe("a scheme's approval policy", () => {
  it("lets the lead professional sign off at once at the threshold, committing the money, recording the rules' version", async () => {
    const before = await balances(api, token.budgets as string, world.budgetId);
    const signedOff = await submit(10_000);
    expect(signedOff.status).toBe("APPROVED");
    expect(signedOff.steps).toEqual([]);
    expect(signedOff.decisions).toEqual([
      {
        outcome: "APPROVED",
        note: "Up to £100: the lead professional signs off",
        role: "LEAD_PROFESSIONAL",
        decider: { name: "Lena Price" },
        onBehalfOf: null,
        rulesVersion: "tiered-test-v3",
      },
    ]);
    expect(signedOff.rulesVersion).toBe("tiered-test-v3");
    expect((await balances(api, token.budgets as string, world.budgetId)).committed).toBe(before.committed + 10_000);
  });

  it("one penny over the threshold goes to the area's co-ordinator", async () => {
    const waiting = await submit(10_001);
    expect(waiting.status).toBe("AWAITING_DECISION");
    expect(waiting.currentStep).toEqual({ label: "Area co-ordinator" });
  });

  it("a chain of two steps commits only on the last approval", async () => {
    // On another case, so the per-case cap below does not interfere.
    const dual = await api.signIn("dual@alpha.test", PASSWORD);
    const draft = await purchases.create(
      dual,
      draftInput(world, [{ unitCost: 50_001 }], { caseId: globalId("Case", world.dualCaseId) }),
    );
    const waiting = await purchases.submit(dual, draft.id);
    expect(waiting.steps.map((step: { label: string; status: string }) => [step.label, step.status])).toEqual([
      ["Area co-ordinator", "PENDING"],
      ["Budget manager", "WAITING"],
    ]);
    const before = await balances(api, token.budgets as string, world.budgetId);
    const first = await purchases.decide(token.approver as string, draft.id, "APPROVE");
    expect(first.status).toBe("AWAITING_DECISION");
    expect(first.currentStep).toEqual({ label: "Budget manager" });
    expect(await balances(api, token.budgets as string, world.budgetId)).toEqual(before);
    expect(await purchases.decide(token.approver as string, draft.id, "APPROVE")).toMatchObject({
      code: "NOT_AUTHORISED",
    });
    const last = await purchases.decide(token.budgets as string, draft.id, "APPROVE");
    expect(last.status).toBe("APPROVED");
    expect(last.decisions.map((decision: { role: string }) => decision.role)).toEqual(["APPROVER", "BUDGET_MANAGER"]);
    expect((await balances(api, token.budgets as string, world.budgetId)).committed).toBe(before.committed + 50_001);
  });

  it("refuses what no one may approve, as a broken rule", async () => {
    const refused = await submit(100_001);
    expect(refused.__typename).toBe("RulesBrokenError");
    expect(refused.violations).toContainEqual({
      code: "NOT_APPROVABLE",
      field: "items",
      message: "Over £1,000 cannot be approved under this scheme.",
    });
  });
});

describe("a cumulative cap", () => {
  it("stops a need being split into small requests: the running total per case is capped", async () => {
    const counted = await database.db.purchaseRequest.aggregate({
      _sum: { total: true },
      where: { caseId: world.caseId, status: { not: "DRAFT" } },
    });
    const already = counted._sum.total ?? 0;
    const room = 60_000 - already;
    expect(room).toBeGreaterThan(20_000);
    // Just under the cap, then on it: allowed.
    expect((await submit(room - 10_100)).status).not.toBe("RulesBrokenError");
    const onTheCap = await submit(10_100);
    expect(onTheCap.__typename).not.toBe("RulesBrokenError");
    // One penny over: refused with what is left.
    const over = await submit(1);
    expect(over.__typename).toBe("RulesBrokenError");
    expect(over.violations).toEqual([
      {
        code: "CUMULATIVE_CAP_EXCEEDED",
        field: "items",
        message:
          "The limit is £600.00 per case: £600.00 is already approved or awaiting a decision, so this request can be at most £0.00.",
      },
    ]);
  });
});
