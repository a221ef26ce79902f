// "The age entitlement was 0 – 19 years … The only exceptions, at the onset of the pilot, were
// Looked After Children and Disabled children who are eligible for Direct Payments."
import { createTestApi, createTestDatabase, seedDemoData, type TestDatabase } from "@pathfinder/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DERBYSHIRE_AREAS } from "../src/demo-data.ts";
import derbyshire from "../src/index.ts";
import { bornYearsAgo, derbyshireApi, derbyshireWorld, londonDay } from "./derbyshire-api.ts";

let database: TestDatabase;
let api: ReturnType<typeof derbyshireApi>;
let world: ReturnType<typeof derbyshireWorld>;
let budgetId: string;
const LP = "lp@derbyshire.example";
const codes = (result: { violations?: { code: string }[] }) => result.violations?.map((violation) => violation.code);

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db, [derbyshire]);
  api = derbyshireApi(createTestApi(database.db, { plugins: [derbyshire] }));
  world = derbyshireWorld(database);
  budgetId = await world.budgetOf("Glossop");
});
afterAll(() => database.drop());

const ask = async (children: Parameters<typeof world.newCase>[0]) =>
  api.request(LP, await world.newCase(children), budgetId, 2_600);

describe("the demo authority", () => {
  it("has the four pilot areas, each with a budget on Derbyshire's scheme, and a case its rules exclude", async () => {
    const budgets = await database.db.budget.findMany({ where: { scheme: "derbyshire" }, include: { area: true } });
    expect(budgets.map((budget) => budget.area?.name).sort()).toEqual([...DERBYSHIRE_AREAS].sort());
    const excluded = await database.db.case.findFirstOrThrow({ where: { reference: "DBY-0003" } });
    const result = await api.request(LP, excluded.id, budgetId, 5_000);
    expect(codes(result)).toEqual(["DIRECT_PAYMENTS_EXCLUDED"]);
  });
});

describe("ages 0 to 19, on the day of submission", () => {
  it("a newborn, and a young person a day short of 20, are eligible", async () => {
    expect((await ask([{ dateOfBirth: bornYearsAgo(0) }])).status).toBe("AWAITING_DECISION");
    expect((await ask([{ dateOfBirth: bornYearsAgo(20, -1) }])).status).toBe("AWAITING_DECISION");
  });

  it("on their 20th birthday they are not, whichever child on the case it is", async () => {
    const result = await ask([{ dateOfBirth: bornYearsAgo(3) }, { dateOfBirth: bornYearsAgo(20) }]);
    expect(result.violations).toEqual([
      {
        code: "CHILD_TOO_OLD",
        field: "caseId",
        message: expect.stringMatching(
          /turned 20 on .*: Derbyshire's budget is for children and young people aged 0 to 19\.$/,
        ),
      },
    ]);
  });
});

describe("the exclusions in force at the start of the pilot", () => {
  it("looked-after children are excluded", async () => {
    expect(codes(await ask([{ lookedAfter: true }]))).toEqual(["LOOKED_AFTER_EXCLUDED"]);
  });

  it("disabled children eligible for direct payments are excluded", async () => {
    expect(codes(await ask([{ disabled: true, eligibleForDirectPayments: true }]))).toEqual([
      "DIRECT_PAYMENTS_EXCLUDED",
    ]);
  });

  it("a disabled child not eligible for direct payments is eligible", async () => {
    expect((await ask([{ disabled: true }])).status).toBe("AWAITING_DECISION");
  });

  it("every broken rule is reported at once", async () => {
    // Child by child, oldest first, as the case lists its children.
    expect(
      codes(
        await ask([
          { lookedAfter: true },
          { disabled: true, eligibleForDirectPayments: true, dateOfBirth: bornYearsAgo(21) },
        ]),
      ),
    ).toEqual(["CHILD_TOO_OLD", "DIRECT_PAYMENTS_EXCLUDED", "LOOKED_AFTER_EXCLUDED"]);
  });
});

describe("lifting the exclusions (excludeLookedAfterAndDirectPayments off)", () => {
  let refusedCase: string;

  it("from tomorrow changes nothing today", async () => {
    refusedCase = await world.newCase([{ lookedAfter: true }]);
    expect(
      await api.configure("admin@derbyshire.example", { excludeLookedAfterAndDirectPayments: false }, londonDay(1)),
    ).toMatchObject({ settingsVersion: 1 });
    expect(codes(await api.request(LP, refusedCase, budgetId, 2_600))).toEqual(["LOOKED_AFTER_EXCLUDED"]);
  });

  it("from today, looked-after children and disabled children eligible for direct payments may be helped; the age rule stays", async () => {
    expect(
      await api.configure("admin@derbyshire.example", { excludeLookedAfterAndDirectPayments: false }, londonDay()),
    ).toMatchObject({ settingsVersion: 3 });
    expect(await api.request(LP, refusedCase, budgetId, 2_600)).toMatchObject({
      status: "AWAITING_DECISION",
      rulesVersion: "derbyshire@1.0.0/settings-3",
    });
    expect((await ask([{ disabled: true, eligibleForDirectPayments: true }])).status).toBe("AWAITING_DECISION");
    expect(codes(await ask([{ lookedAfter: true, dateOfBirth: bornYearsAgo(20) }]))).toEqual(["CHILD_TOO_OLD"]);
  });

  it("is on unless an authority turns it off", () => {
    expect(derbyshire.settings.parse({}).excludeLookedAfterAndDirectPayments).toBe(true);
  });
});
