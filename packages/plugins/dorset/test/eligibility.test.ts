// Who and what Dorset's budget is for: a CAF with its form attached, an Every Child Matters
// outcome, children aged 0-18, and £40,000 for the whole pilot across the six localities.
import { createTestApi, createTestDatabase, seedDemoData, type TestDatabase } from "@pathfinder/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DORSET_LOCALITIES } from "../src/demo-data.ts";
import dorset from "../src/index.ts";
import { dorsetApi } from "./dorset-api.ts";
import { bornYearsAgo, dorsetWorld } from "./dorset-world.ts";

let database: TestDatabase;
let api: ReturnType<typeof dorsetApi>;
let world: ReturnType<typeof dorsetWorld>;
let budgetId: string;
const LP = "lp@dorset.example";
const codes = (result: { violations?: { code: string }[] }) => result.violations?.map((violation) => violation.code);

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db, [dorset]);
  api = dorsetApi(createTestApi(database.db, { plugins: [dorset] }));
  world = dorsetWorld(database);
  budgetId = await world.budgetOf("Weymouth & Portland");
});
afterAll(() => database.drop());

describe("the demo authority", () => {
  it("has the six localities, whose budgets share the pilot's £40,000 to the penny", async () => {
    const budgets = await database.db.budget.findMany({ where: { scheme: "dorset" }, include: { area: true } });
    expect(budgets.map((budget) => budget.area?.name).sort()).toEqual([...DORSET_LOCALITIES].sort());
    expect(budgets.reduce((sum, budget) => sum + budget.allocated, 0)).toBe(4_000_000);
  });
});

describe("the CAF", () => {
  it("with its form attached, the request goes ahead", async () => {
    expect((await api.request(LP, { caseId: await world.newCase(), budgetId, pence: 2_000 })).status).toBe(
      "AWAITING_DECISION",
    );
  });

  it("without the form attached to the latest CAF, it is refused", async () => {
    const result = await api.request(LP, {
      caseId: await world.newCase({ caf: "unattached" }),
      budgetId,
      pence: 2_000,
    });
    expect(result.violations).toEqual([
      {
        code: "CAF_NOT_ATTACHED",
        field: "caseId",
        message: expect.stringMatching(/^Attach the CAF form to the case's latest CAF \(dated \d+ \w+ \d{4}\)/),
      },
    ]);
  });

  it("an older CAF's form does not stand in for the latest CAF's", async () => {
    const caseId = await world.newCase();
    const lead = await database.db.staffUser.findUniqueOrThrow({ where: { email: LP } });
    await database.db.assessment.create({
      data: {
        authorityId: lead.authorityId,
        caseId,
        kind: "CAF",
        completedOn: new Date(Date.now() - 86_400_000),
        priorityNeeds: ["Review"],
        recordedById: lead.id,
      },
    });
    expect(codes(await api.request(LP, { caseId, budgetId, pence: 2_000 }))).toEqual(["CAF_NOT_ATTACHED"]);
  });

  it("a specialist assessment alone is not a CAF", async () => {
    expect(
      codes(await api.request(LP, { caseId: await world.newCase({ caf: "specialist" }), budgetId, pence: 2_000 })),
    ).toEqual(["CAF_REQUIRED"]);
  });
});

describe("Every Child Matters outcomes", () => {
  it("at least one must be ticked", async () => {
    const result = await api.request(LP, { caseId: await world.newCase(), budgetId, pence: 2_000, ecmOutcomes: [] });
    expect(result.violations).toEqual([
      {
        code: "ECM_OUTCOME_REQUIRED",
        field: "ecmOutcomes",
        message: "Tick at least one Every Child Matters outcome the purchase will support.",
      },
    ]);
    expect(
      (await api.request(LP, { caseId: await world.newCase(), budgetId, pence: 2_000, ecmOutcomes: ["STAY_SAFE"] }))
        .status,
    ).toBe("AWAITING_DECISION");
  });
});

describe("ages 0 to 18, on the day of submission", () => {
  it("a young person a day short of 19 is eligible", async () => {
    const caseId = await world.newCase({ dateOfBirth: bornYearsAgo(19, -1) });
    expect((await api.request(LP, { caseId, budgetId, pence: 2_000 })).status).toBe("AWAITING_DECISION");
  });

  it("on their 19th birthday they are not", async () => {
    const result = await api.request(LP, {
      caseId: await world.newCase({ dateOfBirth: bornYearsAgo(19) }),
      budgetId,
      pence: 2_000,
    });
    expect(result.violations).toEqual([
      { code: "CHILD_TOO_OLD", field: "caseId", message: expect.stringContaining("turned 19 on") },
    ]);
    expect(result.violations[0].message).toMatch(/Dorset's budget is for children and young people aged 0 to 18\.$/);
  });

  it("every child on the case counts, and a newborn is eligible", async () => {
    expect(
      (await api.request(LP, { caseId: await world.newCase({ dateOfBirth: bornYearsAgo(0) }), budgetId, pence: 2_000 }))
        .status,
    ).toBe("AWAITING_DECISION");
    const caseId = await world.newCase({ dateOfBirth: bornYearsAgo(20), children: 2 });
    expect(codes(await api.request(LP, { caseId, budgetId, pence: 2_000 }))).toEqual(["CHILD_TOO_OLD"]);
  });
});

describe("£40,000 for the whole pilot", () => {
  it("counts what every locality has promised, spent or has waiting, however the money was allocated", async () => {
    const db = database.db;
    const budget = await db.budget.findUniqueOrThrow({ where: { id: budgetId } });
    // An over-generous extra allocation elsewhere in the pilot, of which £39,000 is promised.
    const extra = await db.budget.create({
      data: {
        authorityId: budget.authorityId,
        scheme: "dorset",
        name: "Top-up",
        periodStart: budget.periodStart,
        periodEnd: budget.periodEnd,
        holderRole: "APPROVER",
      },
    });
    await db.$executeRaw`INSERT INTO ledger_entry (authority_id, budget_id, kind, amount) VALUES (${budget.authorityId}::uuid, ${extra.id}::uuid, 'ALLOCATION', 4000000)`;
    const promised = await db.budget.aggregate({ _sum: { committed: true, spent: true }, where: { scheme: "dorset" } });
    const waiting = await db.purchaseRequest.aggregate({
      _sum: { total: true },
      where: { status: "AWAITING_DECISION", budget: { is: { scheme: "dorset" } } },
    });
    const used = (promised._sum.committed ?? 0) + (promised._sum.spent ?? 0) + (waiting._sum.total ?? 0);
    await db.$executeRaw`INSERT INTO ledger_entry (authority_id, budget_id, kind, amount) VALUES (${budget.authorityId}::uuid, ${extra.id}::uuid, 'COMMITMENT', ${4_000_000 - used - 50_000})`;

    const onTheTotal = await api.request(LP, { caseId: await world.newCase(), budgetId, pence: 49_999 });
    expect(onTheTotal.status).toBe("AWAITING_DECISION");
    const over = await api.request(LP, { caseId: await world.newCase(), budgetId, pence: 2 });
    expect(over.violations).toEqual([
      {
        code: "PILOT_TOTAL_EXCEEDED",
        field: "items",
        message:
          "The pilot has £40,000.00 in all: £39,999.99 is already promised, spent or awaiting a decision, so this request can be at most £0.01.",
      },
    ]);
    expect((await api.request(LP, { caseId: await world.newCase(), budgetId, pence: 1 })).status).toBe(
      "AWAITING_DECISION",
    );
  });
});
