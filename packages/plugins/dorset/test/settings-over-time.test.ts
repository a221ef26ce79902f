// An authority changes Dorset's figures from a date; decisions already made keep their rules.
import { createTestApi, createTestDatabase, seedDemoData, type TestDatabase } from "@pathfinder/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import dorset from "../src/index.ts";
import { dorsetApi } from "./dorset-api.ts";
import { dorsetWorld } from "./dorset-world.ts";

let database: TestDatabase;
let api: ReturnType<typeof dorsetApi>;
let world: ReturnType<typeof dorsetWorld>;
let budgetId: string;
const LP = "lp@dorset.example";
const ADMIN = "admin@dorset.example";
const COORDINATOR = "coordinator-weymouth@dorset.example";
const londonDay = (offset = 0) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date(Date.now() + offset * 86_400_000));

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db, [dorset]);
  api = dorsetApi(createTestApi(database.db, { plugins: [dorset] }));
  world = dorsetWorld(database);
  budgetId = await world.budgetOf("Weymouth & Portland");
});
afterAll(() => database.drop());

const ask = async (pence: number) => api.request(LP, { caseId: await world.newCase(), budgetId, pence });

describe("changing the limit per case", () => {
  let decidedUnderVersion1: string;

  it("under the first settings, £400.00 is within the limit and is decided under settings-1", async () => {
    const request = await ask(40_000);
    const decided = await api.decide(COORDINATOR, request.id);
    expect(decided.decisions[0].rulesVersion).toBe("dorset@1.0.0/settings-1");
    decidedUnderVersion1 = request.id;
  });

  it("a lower limit from tomorrow changes nothing today", async () => {
    expect(await api.configure(ADMIN, { caseLimit: 30_000 }, londonDay(1))).toMatchObject({ settingsVersion: 1 });
    expect((await ask(40_000)).status).toBe("AWAITING_DECISION");
  });

  it("from today, £300.00 is the limit; earlier decisions keep the rules they were made under", async () => {
    expect(await api.configure(ADMIN, { caseLimit: 30_000 }, londonDay())).toMatchObject({ settingsVersion: 3 });
    expect(await ask(30_000)).toMatchObject({ status: "AWAITING_DECISION", rulesVersion: "dorset@1.0.0/settings-3" });
    const over = await ask(30_001);
    expect(over.violations[0]).toMatchObject({
      code: "CASE_LIMIT_EXCEEDED",
      message: expect.stringContaining("up to £300.00 a case"),
    });
    const earlier = await api.query(
      COORDINATOR,
      `query ($id: ID!) { node(id: $id) { ... on PurchaseRequest { rulesVersion decisions { rulesVersion } } } }`,
      { id: decidedUnderVersion1 },
    );
    expect(earlier.data?.node).toEqual({
      rulesVersion: "dorset@1.0.0/settings-1",
      decisions: [{ rulesVersion: "dorset@1.0.0/settings-1" }],
    });
  });

  it("refuses settings that break the scheme's shape, field by field", async () => {
    const result = await api.configure(ADMIN, { caseLimit: 120_000 });
    expect(result.issues).toEqual([
      {
        path: "settings.exceptionalCaseLimit",
        message: "The exceptional limit must be at least the usual limit per case",
      },
    ]);
  });
});
