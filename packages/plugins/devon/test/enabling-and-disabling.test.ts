// One authority turns Devon's scheme on and off; another authority running it is untouched.
import { createTestApi, createTestDatabase, seedDemoData, type TestDatabase } from "@pathfinder/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import devon from "../src/index.ts";
import { devonApi } from "./devon-api.ts";

let database: TestDatabase;
let api: ReturnType<typeof devonApi>;
const KINGSBRIDGE_ADMIN = "admin@kingsbridge.example";
const KINGSBRIDGE_LP = "lp@kingsbridge.example";
let kingsbridgeCase: string;
let kingsbridgeDevonBudget: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db, [devon]);
  api = devonApi(createTestApi(database.db, { plugins: [devon] }));
  const lp = await database.db.staffUser.findUniqueOrThrow({ where: { email: KINGSBRIDGE_LP } });
  const theCase = await database.db.case.findFirstOrThrow({
    where: { leadProfessionalId: lp.id, status: "OPEN" },
    orderBy: { openedAt: "asc" },
  });
  kingsbridgeCase = theCase.id;
  // Kingsbridge's budget manager sets up a budget on Devon's scheme before the scheme is enabled.
  const budget = await database.db.budget.create({
    data: {
      authorityId: lp.authorityId,
      areaId: theCase.areaId,
      scheme: "devon",
      name: "Trial on Devon's rules",
      periodStart: new Date("2020-01-01"),
      periodEnd: new Date("2099-12-31"),
      holderRole: "APPROVER",
    },
  });
  await database.db
    .$executeRaw`INSERT INTO ledger_entry (authority_id, budget_id, kind, amount) VALUES (${lp.authorityId}::uuid, ${budget.id}::uuid, 'ALLOCATION', 500000)`;
  kingsbridgeDevonBudget = budget.id;
});
afterAll(() => database.drop());

const schemeStatus = async (email: string) =>
  (await api.query(email, "{ schemes { id enabled settingsVersion } }")).data?.schemes;
const guidanceFor = async (email: string) => api.query(email, "{ devonGuidance }");

describe("enabling Devon's scheme for one authority", () => {
  it("before: the scheme is installed but off for Kingsbridge, its field refuses, its rules do not run", async () => {
    expect(await schemeStatus(KINGSBRIDGE_ADMIN)).toEqual([{ id: "devon", enabled: false, settingsVersion: null }]);
    const guidance = await guidanceFor(KINGSBRIDGE_LP);
    expect(guidance.data).toBeNull();
    expect(guidance.errors?.[0]?.message).toBe('Your authority does not run the "devon" scheme.');
    const result = await api.request(KINGSBRIDGE_LP, kingsbridgeCase, kingsbridgeDevonBudget, 5_000);
    expect(result).toMatchObject({ code: "SCHEME_NOT_ENABLED" });
  });

  it("only an administrator may enable it, and bad settings are refused with nothing saved", async () => {
    expect(await api.configure(KINGSBRIDGE_LP, "enablePlugin", {})).toMatchObject({ code: "NOT_AUTHORISED" });
    const bad = await api.configure(KINGSBRIDGE_ADMIN, "enablePlugin", { selfSignOffLimit: -1 });
    expect(bad.issues).toEqual([{ path: "settings.selfSignOffLimit", message: "Amounts cannot be negative" }]);
    expect(await schemeStatus(KINGSBRIDGE_ADMIN)).toEqual([{ id: "devon", enabled: false, settingsVersion: null }]);
  });

  it("after: its field answers and its rules govern requests on its budgets, for Kingsbridge", async () => {
    expect(await api.configure(KINGSBRIDGE_ADMIN, "enablePlugin", { selfSignOffLimit: 2_500 })).toEqual({
      enabled: true,
      settingsVersion: 1,
    });
    expect((await guidanceFor(KINGSBRIDGE_LP)).data?.devonGuidance[0]).toBe(
      "Up to £25.00: you sign off yourself, at once.",
    );
    expect((await api.request(KINGSBRIDGE_LP, kingsbridgeCase, kingsbridgeDevonBudget, 2_500)).status).toBe("APPROVED");
    expect((await api.request(KINGSBRIDGE_LP, kingsbridgeCase, kingsbridgeDevonBudget, 2_501)).currentStep).toEqual({
      label: "Pathway co-ordinator",
    });
  });

  it("meanwhile Devon's own authority keeps its own settings", async () => {
    expect((await guidanceFor("lp@devon.example")).data?.devonGuidance[0]).toBe(
      "Up to £100.00: you sign off yourself, at once.",
    );
  });

  it("disabling: the field refuses again and its budgets take no more requests, for Kingsbridge alone; its history stays", async () => {
    const disabled = await api.query(
      KINGSBRIDGE_ADMIN,
      `mutation { disablePlugin(schemeId: "devon") { __typename ... on MutationDisablePluginSuccess { data { enabled } } } }`,
    );
    expect(disabled.data?.disablePlugin.data).toEqual({ enabled: false });
    expect((await guidanceFor(KINGSBRIDGE_LP)).errors?.[0]?.message).toBe(
      'Your authority does not run the "devon" scheme.',
    );
    expect(await api.request(KINGSBRIDGE_LP, kingsbridgeCase, kingsbridgeDevonBudget, 1_000)).toMatchObject({
      code: "SCHEME_NOT_ENABLED",
    });
    expect((await guidanceFor("lp@devon.example")).data?.devonGuidance).toHaveLength(3);
    expect(
      await database.db.purchaseRequest.count({ where: { budgetId: kingsbridgeDevonBudget, status: "APPROVED" } }),
    ).toBe(1);
    const audit = await database.db.auditEvent.findMany({
      where: { action: { startsWith: "scheme." } },
      orderBy: { sequence: "asc" },
    });
    expect(audit.map((event) => event.action)).toEqual(["scheme.enable", "scheme.enable", "scheme.disable"]);
  });
});
