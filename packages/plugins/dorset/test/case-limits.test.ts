// "Maximum level of support in each case will be up to £500 or £1000 in exceptional circumstances."
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
const EXCEPTIONAL = {
  dorset: { exceptional: true, exceptionalReason: "Three siblings need counselling after a bereavement." },
};

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db, [dorset]);
  api = dorsetApi(createTestApi(database.db, { plugins: [dorset] }));
  world = dorsetWorld(database);
  budgetId = await world.budgetOf("Weymouth & Portland");
});
afterAll(() => database.drop());

const ask = async (pence: number, extensions?: Record<string, unknown>, caseId?: string) =>
  api.request(LP, { caseId: caseId ?? (await world.newCase()), budgetId, pence, extensions });

describe("up to £500 a case", () => {
  it("£500.00 and £499.99 go to the locality co-ordinator", async () => {
    expect(await ask(50_000)).toMatchObject({
      status: "AWAITING_DECISION",
      currentStep: { label: "Locality co-ordinator" },
    });
    expect((await ask(49_999)).status).toBe("AWAITING_DECISION");
  });

  it("£500.01 is refused with the rule, unless the circumstances are marked exceptional", async () => {
    const refused = await ask(50_001);
    expect(refused.__typename).toBe("RulesBrokenError");
    expect(refused.violations).toEqual([
      {
        code: "CASE_LIMIT_EXCEEDED",
        field: "items",
        message:
          "Dorset's protocol allows up to £500.00 a case, or up to £1,000.00 in exceptional circumstances. The limit is £500.00 per case: £0.00 is already approved or awaiting a decision, so this request can be at most £500.00. If the circumstances are exceptional, mark the request exceptional and say why.",
      },
    ]);
    expect((await ask(50_001, EXCEPTIONAL)).status).toBe("AWAITING_DECISION");
  });

  it("counts the case's running total, so a need cannot be split into small requests", async () => {
    const caseId = await world.newCase();
    expect((await ask(30_000, undefined, caseId)).status).toBe("AWAITING_DECISION");
    expect((await ask(20_000, undefined, caseId)).status).toBe("AWAITING_DECISION");
    const over = await ask(1, undefined, caseId);
    expect(over.violations.map((v: { code: string }) => v.code)).toEqual(["CASE_LIMIT_EXCEEDED"]);
    expect(over.violations[0].message).toContain(
      "£500.00 is already approved or awaiting a decision, so this request can be at most £0.00.",
    );
  });
});

describe("up to £1,000 in exceptional circumstances", () => {
  it("needs the reason in writing when the request is marked exceptional", async () => {
    const refused = await ask(60_000, { dorset: { exceptional: true } });
    expect(refused.violations).toEqual([
      {
        code: "EXCEPTIONAL_REASON_REQUIRED",
        field: "extensions.dorset.exceptionalReason",
        message: "Say in writing what makes the circumstances exceptional.",
      },
    ]);
    const blank = await ask(60_000, { dorset: { exceptional: true, exceptionalReason: "   " } });
    expect(blank.violations.map((v: { code: string }) => v.code)).toEqual(["EXCEPTIONAL_REASON_REQUIRED"]);
  });

  it("£1,000.00 and £999.99 are allowed; £1,000.01 is refused even when exceptional", async () => {
    expect((await ask(100_000, EXCEPTIONAL)).status).toBe("AWAITING_DECISION");
    expect((await ask(99_999, EXCEPTIONAL)).status).toBe("AWAITING_DECISION");
    const refused = await ask(100_001, EXCEPTIONAL);
    expect(refused.violations).toEqual([
      {
        code: "EXCEPTIONAL_LIMIT_EXCEEDED",
        field: "items",
        message:
          "Dorset's protocol allows up to £500.00 a case, or up to £1,000.00 in exceptional circumstances. The limit is £1,000.00 per case: £0.00 is already approved or awaiting a decision, so this request can be at most £1,000.00.",
      },
    ]);
    expect((await ask(100_001)).violations.map((v: { code: string }) => v.code)).toEqual([
      "EXCEPTIONAL_LIMIT_EXCEEDED",
    ]);
  });

  it("the £1,000 is a running total too", async () => {
    const caseId = await world.newCase();
    expect((await ask(50_000, undefined, caseId)).status).toBe("AWAITING_DECISION");
    expect((await ask(50_000, EXCEPTIONAL, caseId)).status).toBe("AWAITING_DECISION");
    const over = await ask(1, EXCEPTIONAL, caseId);
    expect(over.violations.map((v: { code: string }) => v.code)).toEqual(["EXCEPTIONAL_LIMIT_EXCEEDED"]);
  });

  it("keeps the flag and reason on the request, and refuses attributes Dorset does not know", async () => {
    const draft = await api.create(LP, {
      caseId: await world.newCase(),
      budgetId,
      pence: 100,
      extensions: EXCEPTIONAL,
    });
    expect(await api.form(LP, draft.id)).toMatchObject({
      exceptional: true,
      exceptionalReason: EXCEPTIONAL.dorset.exceptionalReason,
    });
    const unknown = await api.create(LP, {
      caseId: await world.newCase(),
      budgetId,
      pence: 100,
      extensions: { dorset: { urgent: true } },
    });
    expect(unknown.__typename).toBe("ValidationError");
    expect(unknown.issues[0].path).toBe("input.extensions.dorset");
  });
});
