import { createTestApi, createTestDatabase, seedDemoData, type TestDatabase } from "@pathfinder/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import leeds from "../src/index.ts";
import { dayFromToday, type Item, leedsApi, leedsDemo } from "./leeds-api.ts";

let database: TestDatabase;
let api: ReturnType<typeof leedsApi>;
let demo: Awaited<ReturnType<typeof leedsDemo>>;
const LP = "lp@leeds.example";
const ASSESSOR = "assessor@leeds.example";
const IPC_WEST = "ipc-west@leeds.example";
const FINANCE = "finance@leeds.example";
const ADMIN = "admin@leeds.example";

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db, [leeds]);
  api = leedsApi(createTestApi(database.db, { plugins: [leeds] }), database.db);
  demo = await leedsDemo(database.db);
});
afterAll(() => database.drop());

const needs = (n: number) =>
  ["Attendance at school", "Debt at home", "Out-of-school activities", "Sleep", "Diet", "Housing"].slice(0, n);
const from = (name: string, unitCost = 3_000): Item => ({
  unitCost,
  supplierId: demo.supplier(name),
  category: "OTHER",
  description: `From ${name}`,
});
/** Oskar's case (North East), led by the assessor who completed his common assessment. */
const oskarOrder = () =>
  api.request(ASSESSOR, demo.case("LEE-0002"), demo.budget("North East"), [from("Kirkside Community Crèche")], {
    route: "SUPPLIER_ORDER",
  });
const westOrder = (items: Item[]) =>
  api.request(LP, demo.case("LEE-0001"), demo.budget("West"), items, { route: "SUPPLIER_ORDER" });
const westCash = (extensions?: unknown, pence = 2_500) =>
  api.request(LP, demo.case("LEE-0001"), demo.budget("West"), [{ unitCost: pence }], { route: "CASH", extensions });

describe("at most four priority needs per common assessment", () => {
  it("five in the latest assessment: refused, saying what to do", async () => {
    expect(await api.recordAssessment(ASSESSOR, demo.case("LEE-0002"), needs(5))).toMatchObject({
      priorityNeeds: needs(5),
    });
    const result = await oskarOrder();
    expect(result.violations).toEqual([
      {
        code: "LEEDS_TOO_MANY_PRIORITY_NEEDS",
        field: "caseId",
        message: `The latest common assessment (completed ${dayFromToday(0)}) highlights 5 priority needs; the Early Intervention Fund works to at most 4. Agree the 4 that matter most with the family and record them in a new assessment.`,
      },
    ]);
  });

  it("four: allowed; only the latest assessment counts, not the earlier one with five", async () => {
    await api.recordAssessment(ASSESSOR, demo.case("LEE-0002"), needs(4));
    expect((await oskarOrder()).status).toBe("AWAITING_DECISION");
  });

  it("three: allowed", async () => {
    await api.recordAssessment(ASSESSOR, demo.case("LEE-0002"), needs(3));
    expect((await oskarOrder()).status).toBe("AWAITING_DECISION");
  });
});

describe("route A: the IPC orders from the Council's supplier list, or a supplier able to invoice the Council", () => {
  it("a supplier on the list: the order goes to the IPC", async () => {
    expect((await westOrder([from("Kirkside Community Crèche")])).status).toBe("AWAITING_DECISION");
  });

  it("a supplier off the list that can invoice the Council (as Citizens Advice can): allowed too", async () => {
    expect((await westOrder([from("Calder Advice Outreach")])).status).toBe("AWAITING_DECISION");
  });

  it("a supplier that is neither: refused against that item, pointing to route B", async () => {
    const result = await westOrder([from("Kirkside Community Crèche"), from("Bramley Corner Store")]);
    expect(result.violations).toEqual([
      {
        code: "LEEDS_SUPPLIER_CANNOT_BE_ORDERED_FROM",
        field: "items.1.supplierId",
        message:
          "Bramley Corner Store is not on the Council's supplier list and cannot invoice the Council, so the IPC cannot order from it (route A). Choose another supplier, or ask for cash to buy it yourself (route B).",
      },
    ]);
  });

  it("the wedge's IPC places the approved order; another wedge's IPC cannot", async () => {
    const request = await westOrder([from("Kirkside Community Crèche")]);
    await api.decide(IPC_WEST, request.id);
    expect((await api.fulfil("ipc-north-west@leeds.example", request.id, { orderReference: "PO-1" })).code).toBe(
      "NOT_FOUND",
    );
    expect(await api.fulfil(IPC_WEST, request.id, { orderReference: "PO-4471" })).toMatchObject({
      status: "FULFILLED",
    });
  });
});

describe("route B: cash signed for by the lead professional, receipts and change brought back", () => {
  it("without saying why cash rather than an order: refused", async () => {
    const result = await westCash({ leeds: {} });
    expect(result.violations).toEqual([
      {
        code: "LEEDS_CASH_REASON_NEEDED",
        field: "extensions.leeds.cashReason",
        message:
          "Say why you need cash rather than an order through the IPC: a known, reputable local supplier, or route A would cause an unnecessary delay.",
      },
    ]);
  });

  it("with a reason: the IPC approves, finance issues the cash, and receipts are due back in 28 days", async () => {
    const request = await westCash({
      leeds: { cashReason: "The corner shop has the cot today; an order takes a fortnight." },
    });
    expect(request.leedsDetails).toEqual({
      routeLabel: "Route B: cash signed for by the lead professional",
      cashReason: "The corner shop has the cot today; an order takes a fortnight.",
      usesPreferredProviders: false,
      preferredProviderItems: 0,
      itemCount: 1,
    });
    await api.decide(IPC_WEST, request.id);
    expect(
      (await api.fulfil(IPC_WEST, request.id, { cashIssued: 2_500, cashSignedForBy: "Harriet Ackroyd" })).code,
    ).toBe("NOT_FOUND");
    // Only the lead professional signs for the cash: refused inside the fulfilment, so nothing is issued.
    await expect(
      api.fulfil(FINANCE, request.id, { cashIssued: 2_500, cashSignedForBy: "Colin Sutcliffe" }),
    ).rejects.toThrow(
      /signed for by the case's lead professional, Harriet Ackroyd.*LEEDS_CASH_NOT_SIGNED_BY_LEAD_PROFESSIONAL/,
    );
    const issued = await api.fulfil(FINANCE, request.id, { cashIssued: 2_500, cashSignedForBy: "harriet  ackroyd" });
    expect(issued).toMatchObject({ status: "FULFILLED", receiptsDueOn: dayFromToday(28) });
  });

  it("a reason of more than 2,000 characters is refused as the request is written", async () => {
    const result = await westCash({ leeds: { cashReason: "x".repeat(2_001) } });
    expect(result.issues).toEqual([
      { path: "input.extensions.leeds.cashReason", message: "Keep the reason under 2,000 characters" },
    ]);
  });
});

describe("settings over time", () => {
  it("five needs and 14 days for receipts from tomorrow: nothing changes today", async () => {
    expect(await api.configure(ADMIN, { maxPriorityNeeds: 5, receiptsDueInDays: 14 }, dayFromToday(1))).toMatchObject({
      settingsVersion: 1,
    });
    await api.recordAssessment(ASSESSOR, demo.case("LEE-0002"), needs(5));
    expect((await oskarOrder()).violations.map((v: { code: string }) => v.code)).toEqual([
      "LEEDS_TOO_MANY_PRIORITY_NEEDS",
    ]);
  });

  it("from today they apply, while decisions already made keep the rules they were made under", async () => {
    const first = await database.db.decision.findFirstOrThrow({
      where: { rulesVersion: { startsWith: "leeds" } },
      orderBy: { decidedAt: "asc" },
    });
    expect(await api.configure(ADMIN, { maxPriorityNeeds: 5, receiptsDueInDays: 14 }, dayFromToday(0))).toMatchObject({
      settingsVersion: 3,
    });
    expect(await oskarOrder()).toMatchObject({ status: "AWAITING_DECISION", rulesVersion: "leeds@1.0.0/settings-3" });
    await api.recordAssessment(ASSESSOR, demo.case("LEE-0002"), needs(6));
    expect((await oskarOrder()).violations[0].message).toContain(
      "highlights 6 priority needs; the Early Intervention Fund works to at most 5",
    );

    const cash = await westCash({ leeds: { cashReason: "Market stall, cash only." } });
    await api.decide(IPC_WEST, cash.id);
    expect(
      (await api.fulfil(FINANCE, cash.id, { cashIssued: 2_500, cashSignedForBy: "Harriet Ackroyd" })).receiptsDueOn,
    ).toBe(dayFromToday(14));
    expect((await database.db.decision.findUniqueOrThrow({ where: { id: first.id } })).rulesVersion).toBe(
      "leeds@1.0.0/settings-1",
    );
  });

  it("settings outside the scheme's shape are refused field by field", async () => {
    expect((await api.configure(ADMIN, { maxPriorityNeeds: 0, receiptsDueInDays: 0 })).issues).toEqual([
      { path: "settings.maxPriorityNeeds", message: "At least one priority need" },
      { path: "settings.receiptsDueInDays", message: "At least one day" },
    ]);
  });
});
