import { createTestApi, createTestDatabase, seedDemoData, type TestDatabase } from "@pathfinder/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import leeds from "../src/index.ts";
import { dayFromToday, leedsApi, leedsDemo } from "./leeds-api.ts";

let database: TestDatabase;
let api: ReturnType<typeof leedsApi>;
let demo: Awaited<ReturnType<typeof leedsDemo>>;
const LP = "lp@leeds.example";
const IPC = {
  west: "ipc-west@leeds.example",
  northWest: "ipc-north-west@leeds.example",
  northEast: "ipc-north-east@leeds.example",
  east: "ipc-east@leeds.example",
};
const IPC_LABEL = "Integrated Processes Coordinator (IPC)";

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db, [leeds]);
  api = leedsApi(createTestApi(database.db, { plugins: [leeds] }), database.db);
  demo = await leedsDemo(database.db);
});
afterAll(() => database.drop());

// Route A (an order from a listed supplier), so only the wedge and cover rules are at work here.
const order = (email: string, reference: string, wedge: string, pence: number) =>
  api.request(
    email,
    demo.case(reference),
    demo.budget(wedge),
    [
      {
        unitCost: pence,
        supplierId: demo.supplier("Kirkside Community Crèche"),
        category: "CHILDCARE",
        description: "Crèche sessions",
      },
    ],
    { route: "SUPPLIER_ORDER" },
  );
const westRequest = (pence = 4_500) => order(LP, "LEE-0001", "West", pence);
const northEastRequest = (pence: number) => order("assessor@leeds.example", "LEE-0002", "North East", pence);

describe("the demo city", () => {
  it("has five wedges, each with its own IPC and Early Intervention Fund", async () => {
    const wedges = demo.budgets.map((budget) => budget.area?.name).sort();
    expect(wedges).toEqual(["East", "North East", "North West", "South", "West"]);
    const ipcs = await database.db.roleAssignment.findMany({
      where: { authorityId: demo.authorityId, role: "APPROVER" },
      include: { area: true },
    });
    expect(ipcs.map((ipc) => ipc.area?.name).sort()).toEqual(wedges);
    const schemes = await api.call(LP, "{ schemes { id enabled roles } }");
    expect(schemes.schemes.find((s: { id: string }) => s.id === "leeds")).toEqual({
      id: "leeds",
      enabled: true,
      roles: {
        ipc: { label: IPC_LABEL, coreRole: "APPROVER" },
        "assessor-or-lead-professional": { label: "Assessor or lead professional", coreRole: "LEAD_PROFESSIONAL" },
      },
    });
  });
});

describe("the wedge's IPC decides", () => {
  it("a request goes to the IPC of the case's wedge, under Leeds' rules, and only they approve it", async () => {
    const request = await westRequest();
    expect(request).toMatchObject({
      status: "AWAITING_DECISION",
      rulesVersion: "leeds@1.0.0/settings-1",
      currentStep: { label: IPC_LABEL, area: { name: "West" } },
    });
    expect((await api.decide(IPC.northWest, request.id)).code).toBe("NOT_FOUND");
    const approved = await api.decide(IPC.west, request.id);
    expect(approved).toMatchObject({ status: "APPROVED", reviewDueOn: dayFromToday(91) });
    expect(approved.decisions).toEqual([
      {
        outcome: "APPROVED",
        role: "APPROVER",
        rulesVersion: "leeds@1.0.0/settings-1",
        decider: { name: "Gwen Illingworth" },
        onBehalfOf: null,
      },
    ]);
  });

  it("any assessor may use the fund: the learning mentor who assessed Oskar asks, and North East's IPC decides", async () => {
    const request = await northEastRequest(2_000);
    expect(request.currentStep).toEqual({ label: IPC_LABEL, area: { name: "North East" } });
    expect((await api.decide(IPC.northEast, request.id)).status).toBe("APPROVED");
  });

  it("the guidance sets no amount limits: £1.50 and £1,500.00 both go to the IPC", async () => {
    expect((await westRequest(150)).currentStep.label).toBe(IPC_LABEL);
    expect((await westRequest(150_000)).currentStep.label).toBe(IPC_LABEL);
  });
});

describe("IPCs cover each other's wedges during leave", () => {
  it("West's IPC hands their decisions to East's IPC, whose decision on a West request records both names", async () => {
    const request = await westRequest();
    expect((await api.decide(IPC.east, request.id)).code).toBe("NOT_FOUND");
    const cover = await api.arrangeCover(IPC.west, IPC.east, dayFromToday(0), dayFromToday(7));
    expect(cover).toMatchObject({
      delegate: { name: "Jonah Pickersgill" },
      startsOn: dayFromToday(0),
      endsOn: dayFromToday(7),
    });
    const decided = await api.decide(IPC.east, request.id);
    expect(decided.status).toBe("APPROVED");
    expect(decided.decisions).toEqual([
      expect.objectContaining({
        decider: { name: "Jonah Pickersgill" },
        onBehalfOf: { name: "Gwen Illingworth" },
        role: "APPROVER",
      }),
    ]);
  });

  it("cover that has ended, or has not started, grants nothing", async () => {
    expect(await api.arrangeCover(IPC.northEast, IPC.northWest, dayFromToday(-10), dayFromToday(-3))).toMatchObject({
      endsOn: dayFromToday(-3),
    });
    expect(await api.arrangeCover(IPC.northEast, IPC.northWest, dayFromToday(1), dayFromToday(5))).toMatchObject({
      startsOn: dayFromToday(1),
    });
    const request = await northEastRequest(1_000);
    expect((await api.decide(IPC.northWest, request.id)).code).toBe("NOT_FOUND");
    expect((await api.decide(IPC.northEast, request.id)).decisions).toEqual([
      expect.objectContaining({ decider: { name: "Esme Hardcastle" }, onBehalfOf: null }),
    ]);
  });

  it("nobody decides their own cover away: an IPC cannot cover for themselves", async () => {
    expect(await api.arrangeCover(IPC.west, IPC.west, dayFromToday(0), dayFromToday(1))).toMatchObject({
      code: "COVER_FOR_SELF",
    });
  });
});
