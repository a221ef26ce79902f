import { createTestApi, createTestDatabase, seedDemoData, type TestDatabase } from "@pathfinder/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import devon from "../src/index.ts";
import { devonApi } from "./devon-api.ts";

let database: TestDatabase;
let api: ReturnType<typeof devonApi>;
let caseId: string;
let budgetId: string;
const LP = "lp@devon.example";
const COORDINATOR = "coordinator@devon.example";

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db, [devon]);
  api = devonApi(createTestApi(database.db, { plugins: [devon] }));
  caseId = (await database.db.case.findFirstOrThrow({ where: { reference: "DEV-2026-0001" } })).id;
  budgetId = (await database.db.budget.findFirstOrThrow({ where: { scheme: "devon", area: { name: "Axebridge" } } }))
    .id;
});
afterAll(() => database.drop());

describe("Devon's demo authority", () => {
  it("has nine pathfinder areas, each with £15,000 for the year on Devon's scheme", async () => {
    const budgets = await database.db.budget.findMany({ where: { scheme: "devon" } });
    expect(budgets).toHaveLength(9);
    expect(budgets.every((budget) => budget.allocated === 1_500_000)).toBe(true);
  });
});

describe("who releases the money", () => {
  it("£100.00: the lead professional signs off at once, under settings version 1", async () => {
    const result = await api.request(LP, caseId, budgetId, 10_000);
    expect(result.status).toBe("APPROVED");
    expect(result.decisions).toEqual([
      {
        outcome: "APPROVED",
        role: "LEAD_PROFESSIONAL",
        rulesVersion: "devon@1.0.0/settings-1",
        decider: { name: "Morwenna Pascoe" },
      },
    ]);
  });

  it("£99.99: signed off at once too", async () => {
    expect((await api.request(LP, caseId, budgetId, 9_999)).status).toBe("APPROVED");
  });

  it("£100.01: goes to the area's pathway co-ordinator, who approves it", async () => {
    const result = await api.request(LP, caseId, budgetId, 10_001);
    expect(result).toMatchObject({ status: "AWAITING_DECISION", currentStep: { label: "Pathway co-ordinator" } });
    expect((await api.decide("coordinator-dartside@devon.example", result.id)).code).toBe("NOT_FOUND");
    expect((await api.decide(COORDINATOR, result.id)).status).toBe("APPROVED");
  });

  it("£1,000.00 and £999.99: still the pathway co-ordinator's", async () => {
    expect((await api.request(LP, caseId, budgetId, 100_000)).currentStep).toEqual({ label: "Pathway co-ordinator" });
    expect((await api.request(LP, caseId, budgetId, 99_999)).currentStep).toEqual({ label: "Pathway co-ordinator" });
  });

  it("£1,000.01: refused, with the rule in words", async () => {
    const result = await api.request(LP, caseId, budgetId, 100_001);
    expect(result.__typename).toBe("RulesBrokenError");
    expect(result.violations).toEqual([
      {
        code: "NOT_APPROVABLE",
        message: "Devon's pathfinder funds up to £1,000.00 a request; £1,000.01 is over that.",
      },
    ]);
  });
});

describe("settings over time", () => {
  it("a lower sign-off limit from tomorrow changes nothing today", async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect(
      await api.configure("admin@devon.example", "configurePlugin", { selfSignOffLimit: 5_000 }, tomorrow),
    ).toMatchObject({ settingsVersion: 1 });
    expect((await api.request(LP, caseId, budgetId, 6_000)).status).toBe("APPROVED");
  });

  it("from today, it applies at once; decisions already made keep the rules they were made under", async () => {
    const first = await database.db.decision.findFirstOrThrow({
      where: { rulesVersion: { startsWith: "devon" } },
      orderBy: { decidedAt: "asc" },
    });
    const today = new Date().toISOString().slice(0, 10);
    expect(
      await api.configure("admin@devon.example", "configurePlugin", { selfSignOffLimit: 5_000 }, today),
    ).toMatchObject({ settingsVersion: 3 });
    const result = await api.request(LP, caseId, budgetId, 6_000);
    expect(result).toMatchObject({ status: "AWAITING_DECISION", rulesVersion: "devon@1.0.0/settings-3" });
    expect((await database.db.decision.findUniqueOrThrow({ where: { id: first.id } })).rulesVersion).toBe(
      "devon@1.0.0/settings-1",
    );
    const guidance = await api.query(LP, "{ devonGuidance }");
    expect(guidance.data?.devonGuidance[0]).toBe("Up to £50.00: you sign off yourself, at once.");
  });

  it("settings that break the scheme's shape are refused, field by field, and nothing is saved", async () => {
    const before = await database.db.schemeSettings.count();
    const result = await api.configure("admin@devon.example", "configurePlugin", {
      selfSignOffLimit: 20_000,
      coordinatorLimit: 10_000,
    });
    expect(result.issues).toEqual([
      {
        path: "settings.coordinatorLimit",
        message: "The pathway co-ordinator's limit must be at least the lead professional's",
      },
    ]);
    expect(await database.db.schemeSettings.count()).toBe(before);
  });

  it("only the authority's administrator may change them", async () => {
    expect(await api.configure(LP, "configurePlugin", {})).toMatchObject({ code: "NOT_AUTHORISED" });
  });
});
