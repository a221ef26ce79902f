import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { type CaseApi, createCaseApi, dayFromToday, globalId, newChild, openedCase } from "./support/case-api.ts";
import { type CaseWorld, rowCounts, seedCaseWorld } from "./support/case-world.ts";

let database: TestDatabase;
let world: CaseWorld;
let cases: CaseApi;
const opened: Record<string, Record<string, any>> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedCaseWorld(database.db);
  cases = createCaseApi(database.db);
  const north = globalId("Area", world.alpha.area("North"));
  const south = globalId("Area", world.alpha.area("South"));
  opened.nadia = await openedCase(cases, "lp@alpha.test", {
    areaId: north,
    children: [newChild("Olivia", "Baptiste", "2016-04-04"), newChild("Sami", "Baptiste", "2018-09-09")],
  });
  opened.rhys = await openedCase(cases, "lp2@alpha.test", {
    areaId: north,
    children: [newChild("Gethin", "Murphy-Ali", "2012-12-12")],
  });
  opened.imogen = await openedCase(cases, "lp-south@alpha.test", {
    areaId: south,
    children: [newChild("Priya", "Doherty", "2015-02-02")],
  });
  opened.beta = await openedCase(cases, "lp@beta.test", {
    areaId: globalId("Area", world.beta.area("North")),
    children: [newChild("Callum", "Ng", "2011-11-11")],
  });
});
afterAll(() => database.drop());

const listCases = async (email: string, args = "first: 50") => {
  const result = await cases.query(email, `{ cases(${args}) { edges { node { reference children { givenName } } } } }`);
  expect(result.errors).toBeUndefined();
  return result.data?.cases.edges.map((edge: any) => edge.node.reference).sort() as string[];
};
const ref = (who: string) => opened[who]?.reference as string;

describe("who sees which cases", () => {
  it("shows a lead professional only the cases they lead", async () => {
    expect(await listCases("lp@alpha.test")).toEqual([ref("nadia")]);
    expect(await listCases("lp2@alpha.test")).toEqual([ref("rhys")]);
  });

  it("shows an approver only their area's cases", async () => {
    expect(await listCases("approver@alpha.test")).toEqual([ref("nadia"), ref("rhys")].sort());
    expect(await listCases("approver-south@alpha.test")).toEqual([ref("imogen")]);
  });

  it("shows the administrator every case of the authority but none of the children", async () => {
    const result = await cases.query(
      "admin@alpha.test",
      `{ cases(first: 50) { edges { node { reference children { givenName } } } } }`,
    );
    const nodes = result.data?.cases.edges.map((edge: any) => edge.node);
    expect(nodes.map((node: any) => node.reference).sort()).toEqual([ref("nadia"), ref("rhys"), ref("imogen")].sort());
    expect(nodes.every((node: any) => node.children.length === 0)).toBe(true);
  });

  it("shows finance no cases and no children", async () => {
    expect(await listCases("finance@alpha.test")).toEqual([]);
    for (const id of [opened.nadia?.id, opened.nadia?.children[0].id]) {
      const result = await cases.query("finance@alpha.test", `query ($id: ID!) { node(id: $id) { id } }`, { id });
      expect(result.data?.node).toBeNull();
    }
    const child = await cases.query("finance@alpha.test", `query ($id: ID!) { child(id: $id) { givenName } }`, {
      id: opened.nadia?.children[0].id,
    });
    expect(child.data?.child).toBeNull();
    const theCase = await cases.query("finance@alpha.test", `query ($id: ID!) { case(id: $id) { reference } }`, {
      id: opened.nadia?.id,
    });
    expect(theCase.data?.case).toBeNull();
  });

  it("filters by area, lead professional, status and a child's name", async () => {
    const approver = "approver@alpha.test";
    expect(
      await listCases(
        approver,
        `first: 50, leadProfessionalId: "${globalId("StaffUser", world.alpha.staff("lp2@alpha.test"))}"`,
      ),
    ).toEqual([ref("rhys")]);
    expect(await listCases(approver, `first: 50, areaId: "${globalId("Area", world.alpha.area("South"))}"`)).toEqual(
      [],
    );
    expect(await listCases(approver, `first: 50, status: CLOSED`)).toEqual([]);
    expect(await listCases(approver, `first: 50, search: "bapt"`)).toEqual([ref("nadia")]);
    expect(await listCases(approver, `first: 50, search: "GETHIN"`)).toEqual([ref("rhys")]);
    expect(await listCases(approver, `first: 50, search: "Ng"`)).toEqual([]);
    expect(
      await listCases(approver, `first: 50, areaId: "${globalId("StaffUser", world.alpha.staff("lp2@alpha.test"))}"`),
    ).toEqual([]);
  });

  it("lists newest first and pages", async () => {
    const first = await cases.query(
      "approver@alpha.test",
      `{ cases(first: 1) { pageInfo { hasNextPage endCursor } edges { node { reference } } } }`,
    );
    expect(first.data?.cases.edges[0].node.reference).toBe(ref("rhys"));
    expect(first.data?.cases.pageInfo.hasNextPage).toBe(true);
    const next = await cases.query(
      "approver@alpha.test",
      `query ($after: String) { cases(first: 1, after: $after) { edges { node { reference } } } }`,
      {
        after: first.data?.cases.pageInfo.endCursor,
      },
    );
    expect(next.data?.cases.edges[0].node.reference).toBe(ref("nadia"));
  });
});

describe("a user of another authority", () => {
  const BETA = "lp@beta.test";
  const alphaIds = () => [
    ["Case", opened.nadia?.id],
    ["Child", opened.nadia?.children[0].id],
    ["Case", opened.imogen?.id],
  ];

  it("gets null for every case and child of authority A, however asked", async () => {
    for (const email of [BETA, "admin@beta.test"]) {
      for (const [type, id] of alphaIds()) {
        const node = await cases.query(email, `query ($id: ID!) { node(id: $id) { id } }`, { id });
        expect(node.data?.node).toBeNull();
        const field = type === "Case" ? "case" : "child";
        const single = await cases.query(email, `query ($id: ID!) { ${field}(id: $id) { id } }`, { id });
        expect(single.data?.[field]).toBeNull();
      }
      const many = await cases.query(email, `query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
        ids: alphaIds().map(([, id]) => id),
      });
      expect(many.data?.nodes).toEqual([null, null, null]);
    }
  });

  it("sees nothing of A in lists", async () => {
    expect(await listCases(BETA)).toEqual([ref("beta")]);
    expect(await listCases("admin@beta.test")).toEqual([ref("beta")]);
    expect(await listCases(BETA, `first: 50, search: "Baptiste"`)).toEqual([]);
  });

  it("gets NOT_FOUND from every mutation on A's case, and nothing is written", async () => {
    const before = await rowCounts(database.db);
    const caseId = opened.nadia?.id as string;
    const results = [
      await cases.recordAssessment(BETA, { caseId, kind: "CAF", completedOn: dayFromToday(0), priorityNeeds: ["x"] }),
      await cases.recordTeamMeeting(BETA, { caseId, heldOn: dayFromToday(0), attendees: ["x"] }),
      await cases.recordUnmetNeed(BETA, { caseId, category: "OTHER", description: "x" }),
      await cases.updateCasePlan(BETA, caseId, "x"),
      await cases.handOverCase("admin@beta.test", caseId, globalId("StaffUser", world.beta.staff(BETA))),
      await cases.closeCase("admin@beta.test", caseId, "x"),
      await cases.openCase(BETA, {
        areaId: globalId("Area", world.beta.area("North")),
        children: [{ existingChildId: opened.nadia?.children[0].id }],
      }),
    ];
    for (const result of results) expect(result).toMatchObject({ __typename: "DomainError", code: "NOT_FOUND" });
    expect(await rowCounts(database.db)).toEqual(before);
  });

  it("gets NOT_FOUND for a made-up case id too, the same answer", async () => {
    const result = await cases.closeCase(BETA, globalId("Case", randomUUID()), "x");
    expect(result).toMatchObject({ code: "NOT_FOUND", field: "caseId" });
  });
});

describe("someone not signed in", () => {
  it("cannot list cases or read one", async () => {
    const list = await cases.api.graphql(`{ cases(first: 5) { edges { node { id } } } }`);
    expect(list.data).toBeNull();
    const single = await cases.api.graphql(`query ($id: ID!) { case(id: $id) { id } }`, { id: opened.nadia?.id });
    expect(single.data?.case).toBeNull();
  });
});
