import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, demoBorough } from "../../src/seed/demo-people.ts";
import { seedDemoData } from "../../src/seed/demo-seed.ts";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

let database: TestDatabase;
let api: ReturnType<typeof createTestApi>;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db);
  api = createTestApi(database.db);
});
afterAll(() => database.drop());

const CASES = `{ cases(first: 20) { edges { node {
  reference status area { name } children { givenName household { name } }
  latestAssessment { kind priorityNeeds } timeline(first: 50) { edges { node { action } } } } } } }`;

const casesFor = async (role: string) => {
  const email = demoBorough.staff.find((person) => person.roles[0]?.role === role)?.email as string;
  const result = await api.graphql(CASES, {}, await api.signIn(email, DEMO_PASSWORD));
  expect(result.errors).toBeUndefined();
  return result.data?.cases.edges.map((edge: any) => edge.node) as any[];
};

describe("the demo cases", () => {
  it("are six children in two households, in four cases in different areas and states", async () => {
    expect(await database.db.child.count()).toBe(6);
    expect(await database.db.household.count()).toBe(2);
    const cases = await casesFor("LEAD_PROFESSIONAL");
    expect(cases).toHaveLength(4);
    expect(new Set(cases.map((theCase) => theCase.area.name))).toEqual(
      new Set(["Northgate", "Riverside", "Southfields"]),
    );
    expect(cases.map((theCase) => theCase.status).sort()).toEqual(["CLOSED", "OPEN", "OPEN", "OPEN"]);
    for (const theCase of cases) {
      expect(theCase.reference).toMatch(/^KIN-\d{4}-\d{4}$/);
      expect(theCase.latestAssessment.kind).toBe("CAF");
      expect(theCase.children.every((child: any) => child.household)).toBe(true);
      expect(theCase.timeline.edges.map((edge: any) => edge.node.action)).toContain("case.open");
    }
  });

  it("show the Northgate co-ordinator only Northgate's cases", async () => {
    const cases = await casesFor("APPROVER");
    expect(cases.map((theCase) => theCase.area.name)).toEqual(["Northgate", "Northgate"]);
  });
});
