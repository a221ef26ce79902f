// Children in care runs alongside an authority's other budgets: core's demo borough enables it,
// and each request follows the rules of the scheme its budget belongs to.
import { createTestApi, createTestDatabase, seedDemoData, type TestDatabase } from "@pathfinder/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import childrenInCare from "../src/index.ts";
import { cicApi } from "./cic-api.ts";

let database: TestDatabase;
let api: ReturnType<typeof cicApi>;
const LP = "lp@kingsbridge.example";
const ADMIN = "admin@kingsbridge.example";
const RIVERSIDE_APPROVER = "approver-riverside@kingsbridge.example";
let aishaCase: string;
let ffionCase: string;
let riversideCoreBudget: string;
let northgateCoreBudget: string;
let cicBudget: string;

const caseOf = async (givenName: string) =>
  (await database.db.case.findFirstOrThrow({ where: { status: "OPEN", children: { some: { child: { givenName } } } } }))
    .id;
const authorityOf = async (code: string) => (await database.db.authority.findUniqueOrThrow({ where: { code } })).id;
const coreBudgetOf = async (area: string) =>
  (
    await database.db.budget.findFirstOrThrow({
      where: { scheme: "core", area: { name: area }, authorityId: await authorityOf("kingsbridge-vale") },
    })
  ).id;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db, [childrenInCare]);
  api = cicApi(createTestApi(database.db, { plugins: [childrenInCare] }));
  aishaCase = await caseOf("Aisha");
  ffionCase = await caseOf("Ffion");
  riversideCoreBudget = await coreBudgetOf("Riverside");
  northgateCoreBudget = await coreBudgetOf("Northgate");
});
afterAll(() => database.drop());

describe("Kingsbridge Vale adds children in care to its core budgets", () => {
  it("its administrator enables the scheme with the levels the borough chooses", async () => {
    const enabled = await api.scheme(ADMIN, "enablePlugin", {
      selfSignOffLimitPence: 20_000,
      teamManagerLimitPence: 150_000,
    });
    expect(enabled).toMatchObject({
      enabled: true,
      settingsVersion: 1,
      settings: { selfSignOffLimitPence: 20_000, teamManagerLimitPence: 150_000 },
    });
  });

  it("its budget manager opens a borough-wide children-in-care budget", async () => {
    const created = await api.call(
      "budgets@kingsbridge.example",
      `mutation ($input: CreateBudgetInput!) { createBudget(input: $input) { __typename ... on Error { code message } ... on MutationCreateBudgetSuccess { data { id } } } }`,
      {
        input: {
          name: "Children in care",
          scheme: "children-in-care",
          periodStart: "2000-01-01",
          periodEnd: "2099-12-31",
          initialAllocation: 1_000_000,
        },
      },
    );
    expect(created.createBudget.__typename).toBe("MutationCreateBudgetSuccess");
    cicBudget = (
      await database.db.budget.findFirstOrThrow({
        where: { scheme: "children-in-care", authorityId: await authorityOf("kingsbridge-vale") },
      })
    ).id;
  });
});

describe("each request follows its own budget's scheme", () => {
  it("£200.00 for Aisha (looked after) from the children-in-care budget: the lead professional signs off at once", async () => {
    const result = await api.request(LP, aishaCase, cicBudget, 20_000);
    expect(result).toMatchObject({ status: "APPROVED", rulesVersion: "children-in-care@1.0.0/settings-1" });
    expect(result.decisions).toEqual([
      expect.objectContaining({ role: "LEAD_PROFESSIONAL", decider: { name: "Priya Lawson" } }),
    ]);
  });

  it("£200.00 for Aisha from Riverside's core budget: core's rules, so Riverside's approver decides", async () => {
    const result = await api.request(LP, aishaCase, riversideCoreBudget, 20_000);
    expect(result).toMatchObject({
      status: "AWAITING_DECISION",
      rulesVersion: "core-1",
      currentStep: { label: "Approver", area: { name: "Riverside" } },
    });
  });

  it("£200.01 for Aisha from the children-in-care budget: the team manager's step, held by Riverside's approver", async () => {
    const result = await api.request(LP, aishaCase, cicBudget, 20_001);
    expect(result).toMatchObject({
      status: "AWAITING_DECISION",
      currentStep: { label: "Team manager", area: { name: "Riverside" } },
    });
    expect((await api.decide(RIVERSIDE_APPROVER, result.id)).status).toBe("APPROVED");
  });

  it("£1,500.01 for Aisha: over the borough's children-in-care level, but core's budget has no such limit", async () => {
    const cic = await api.request(LP, aishaCase, cicBudget, 150_001);
    expect(cic.violations).toEqual([
      expect.objectContaining({
        code: "NOT_APPROVABLE",
        message: "The children-in-care budget funds up to £1,500.00 a request; £1,500.01 is over that.",
      }),
    ]);
    expect((await api.request(LP, aishaCase, riversideCoreBudget, 150_001)).status).toBe("AWAITING_DECISION");
  });

  it("Ffion is not looked after: refused from the children-in-care budget, accepted from Northgate's core budget", async () => {
    const cic = await api.request(LP, ffionCase, cicBudget, 5_000);
    expect(cic.violations.map((v: { code: string }) => v.code)).toEqual(["CIC_NOT_LOOKED_AFTER"]);
    const core = await api.request(LP, ffionCase, northgateCoreBudget, 5_000);
    expect(core).toMatchObject({ status: "AWAITING_DECISION", rulesVersion: "core-1" });
  });
});

describe("the scheme's own demo county", () => {
  it("is seeded too, and the borough's settings do not reach it", async () => {
    const harrowmere = await database.db.schemeSettings.findFirstOrThrow({
      where: { schemeId: "children-in-care", authorityId: await authorityOf("harrowmere") },
    });
    expect(harrowmere.settings).toMatchObject({ selfSignOffLimitPence: 25_000 });
  });
});
