import { createTestApi, createTestDatabase, seedDemoData, type TestDatabase } from "@pathfinder/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import leeds from "../src/index.ts";
import { dayFromToday, globalId, leedsApi, leedsDemo } from "./leeds-api.ts";

let database: TestDatabase;
let api: ReturnType<typeof leedsApi>;
let demo: Awaited<ReturnType<typeof leedsDemo>>;
const LP = "lp@leeds.example";

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db, [leeds]);
  api = leedsApi(createTestApi(database.db, { plugins: [leeds] }), database.db);
  demo = await leedsDemo(database.db);
});
afterAll(() => database.drop());

const REPORT = `query ($from: Date, $to: Date) { leedsUnmetNeedsByWedge(from: $from, to: $to) { wedge category count estimatedCost withoutEstimate } }`;
const order = (...suppliers: string[]) =>
  api.request(
    LP,
    demo.case("LEE-0001"),
    demo.budget("West"),
    suppliers.map((name) => ({
      unitCost: 1_000,
      supplierId: demo.supplier(name),
      category: "OTHER",
      description: name,
    })),
    { route: "SUPPLIER_ORDER" },
  );

describe("preferred providers are flagged on each request", () => {
  it("every item from a preferred provider", async () => {
    const request = await order("Aire Valley Credit Union", "Kirkside Community Crèche");
    expect(request.leedsDetails).toEqual({
      routeLabel: "Route A: ordered by the IPC",
      cashReason: null,
      usesPreferredProviders: true,
      preferredProviderItems: 2,
      itemCount: 2,
    });
  });

  it("one item from a supplier that is not preferred: flagged, with how many are", async () => {
    const request = await order("Aire Valley Credit Union", "Wharfe ESOL Classes");
    expect(request.leedsDetails).toMatchObject({
      usesPreferredProviders: false,
      preferredProviderItems: 1,
      itemCount: 2,
    });
  });

  it("is answered only for authorities that run Leeds' scheme", async () => {
    const own = await database.db.purchaseRequest.findFirstOrThrow({
      where: { requester: { email: "lp@kingsbridge.example" } },
    });
    const result = await api.query(
      "lp@kingsbridge.example",
      `query ($id: ID!) { node(id: $id) { ... on PurchaseRequest { reference leedsDetails { usesPreferredProviders } } } }`,
      { id: globalId("PurchaseRequest", own.id) },
    );
    expect(result.data?.node).toEqual({ reference: own.reference, leedsDetails: null });
    expect(result.errors?.[0]).toMatchObject({
      message: 'Your authority does not run the "leeds" scheme.',
      extensions: { code: "NOT_AUTHORISED" },
    });
  });
});

describe("unmet needs are counted per wedge and category, for commissioning", () => {
  it("the IPCs see the city's counts, with estimates added up", async () => {
    const result = await api.call("ipc-east@leeds.example", REPORT);
    expect(result.leedsUnmetNeedsByWedge).toEqual([
      { wedge: "North East", category: "TRANSPORT", count: 1, estimatedCost: 0, withoutEstimate: 1 },
      { wedge: "West", category: "COUNSELLING_OR_TRADED_SERVICE", count: 1, estimatedCost: 60_000, withoutEstimate: 0 },
    ]);
  });

  it("a need recorded through core's recordUnmetNeed is counted at once", async () => {
    const recorded = await api.mutate(LP, "recordUnmetNeed", "$input: RecordUnmetNeedInput!", "description", {
      input: {
        caseId: globalId("Case", demo.case("LEE-0001")),
        category: "COUNSELLING_OR_TRADED_SERVICE",
        description: "Bereavement counselling: twelve-month wait",
        estimatedCost: 45_000,
      },
    });
    expect(recorded).toEqual({ description: "Bereavement counselling: twelve-month wait" });
    const result = await api.call("overseer@leeds.example", REPORT);
    expect(result.leedsUnmetNeedsByWedge).toContainEqual({
      wedge: "West",
      category: "COUNSELLING_OR_TRADED_SERVICE",
      count: 2,
      estimatedCost: 105_000,
      withoutEstimate: 0,
    });
  });

  it("counts only the period asked about", async () => {
    expect(
      (await api.call("budgets@leeds.example", REPORT, { from: dayFromToday(0), to: dayFromToday(0) }))
        .leedsUnmetNeedsByWedge,
    ).toHaveLength(2);
    expect((await api.call("budgets@leeds.example", REPORT, { from: dayFromToday(1) })).leedsUnmetNeedsByWedge).toEqual(
      [],
    );
    expect((await api.call("budgets@leeds.example", REPORT, { to: dayFromToday(-1) })).leedsUnmetNeedsByWedge).toEqual(
      [],
    );
  });

  it("is for those who analyse the fund, not lead professionals, and not other authorities", async () => {
    const lp = await api.query(LP, REPORT);
    expect(lp.errors?.[0]).toMatchObject({
      message: "Unmet needs are analysed by the IPCs and those who plan the fund.",
      extensions: { code: "NOT_AUTHORISED" },
    });
    const kingsbridge = await api.query("overseer@kingsbridge.example", REPORT);
    expect(kingsbridge.errors?.[0]?.extensions).toEqual({ code: "NOT_AUTHORISED" });
  });
});

describe("the unmet needs page in the portal", () => {
  const PAGE = `{ schemePage(schemeId: "leeds", pageId: "unmet-needs") {
    title
    blocks {
      __typename
      ... on SchemePageParagraph { text }
      ... on SchemePageTable { caption columns { label numeric } rows { cells } }
    }
  } }`;

  it("shows an IPC the same counts per wedge and kind of help, amounts in pounds", async () => {
    const { schemePage } = await api.call("ipc-east@leeds.example", PAGE);
    expect(schemePage.title).toBe("Unmet needs for commissioning");
    const [paragraph, table] = schemePage.blocks;
    expect(paragraph.text).toMatch(/^3 unmet needs have been recorded since the scheme began\./);
    expect(table.columns.map((column: { label: string }) => column.label)).toEqual([
      "Wedge",
      "Kind of help",
      "Needs",
      "Estimated cost",
      "Without an estimate",
    ]);
    expect(table.rows).toEqual([
      { cells: ["North East", "Transport", "1", "£0.00", "1"] },
      { cells: ["West", "Counselling or traded service", "2", "£1,050.00", "0"] },
    ]);
  });

  it("is listed for those who analyse the fund, not for lead professionals nor other authorities", async () => {
    const titles = async (email: string) =>
      (await api.call(email, "{ schemePages { id title } }")).schemePages.map((page: { id: string }) => page.id);
    expect(await titles("overseer@leeds.example")).toContain("leeds.unmet-needs");
    expect(await titles(LP)).not.toContain("leeds.unmet-needs");
    expect(await titles("overseer@kingsbridge.example")).not.toContain("leeds.unmet-needs");
    expect((await api.call(LP, PAGE)).schemePage).toBeNull();
  });
});
