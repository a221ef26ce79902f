import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import {
  type CaseApi,
  createCaseApi,
  dayFromToday,
  globalId,
  newChild,
  openedCase,
  rowId,
} from "./support/case-api.ts";
import { type CaseWorld, rowCounts, seedCaseWorld } from "./support/case-world.ts";

let database: TestDatabase;
let world: CaseWorld;
let cases: CaseApi;
const year = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", year: "numeric" }).format(new Date());

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedCaseWorld(database.db);
  cases = createCaseApi(database.db);
});
afterAll(() => database.drop());

const north = () => globalId("Area", world.alpha.area("North"));

describe("a lead professional opening a case", () => {
  let first: Record<string, any>;

  it("opens a case for siblings, who share one new household, and leads it", async () => {
    first = await openedCase(cases, "lp@alpha.test", {
      areaId: north(),
      plan: "  Nursery place for Leo; portage for Amira.  ",
      children: [
        newChild("Amira", "Haddad-Jones", "2021-04-09", { disabled: true, eligibleForDirectPayments: true }),
        newChild("Leo", "Haddad-Jones", "2023-12-01", { householdName: "The Haddad-Jones family" }),
      ],
    });
    expect(first).toMatchObject({
      reference: `ALP-${year}-0001`,
      status: "OPEN",
      plan: "Nursery place for Leo; portage for Amira.",
      closedAt: null,
      area: { name: "North" },
      leadProfessional: { name: "Nadia Kowalski" },
    });
    expect(first.children).toMatchObject([
      {
        givenName: "Amira",
        familyName: "Haddad-Jones",
        dateOfBirth: "2021-04-09",
        disabled: true,
        eligibleForDirectPayments: true,
        lookedAfter: false,
        household: { name: "The Haddad-Jones family" },
      },
      { givenName: "Leo", dateOfBirth: "2023-12-01", disabled: false, household: { name: "The Haddad-Jones family" } },
    ]);
    expect(first.children[0].ageInYears).toBeGreaterThanOrEqual(4);
    const rows = await database.db.child.findMany({ where: { familyName: "Haddad-Jones" } });
    expect(new Set(rows.map((child) => child.householdId)).size).toBe(1);
    expect(await database.db.household.count()).toBe(1);
  });

  it("records the opening in the audit log against the case", async () => {
    const events = await database.db.auditEvent.findMany({ where: { caseId: rowId(first.id) } });
    expect(events).toMatchObject([
      {
        action: "case.open",
        entityType: "Case",
        summary: `Opened case ALP-${year}-0001 in North for 2 children`,
        actorId: world.alpha.staff("lp@alpha.test"),
      },
    ]);
  });

  it("numbers the authority's cases in sequence, and can add a child already on record to the household", async () => {
    const amira = first.children[0].id;
    const second = await openedCase(cases, "lp@alpha.test", {
      areaId: north(),
      children: [{ existingChildId: amira }, newChild("Noor", "Haddad-Jones", "2025-02-14")],
    });
    expect(second.reference).toBe(`ALP-${year}-0002`);
    expect(second.plan).toBe("");
    expect(second.children.map((child: any) => [child.givenName, child.household?.name])).toEqual([
      ["Amira", "The Haddad-Jones family"],
      ["Noor", "The Haddad-Jones family"],
    ]);
    expect(await database.db.household.count()).toBe(1);
    expect(await database.db.child.count()).toBe(3);
  });

  it("gives a single child no household unless one is named", async () => {
    const single = await openedCase(cases, "lp2@alpha.test", {
      areaId: north(),
      children: [newChild("Kwame", "Sutherland", "2014-08-30")],
    });
    expect(single.children[0].household).toBeNull();
    expect(single.leadProfessional.name).toBe("Rhys Bello");
    expect(single.reference).toBe(`ALP-${year}-0003`);
  });

  it("numbers each authority separately", async () => {
    const betaCase = await openedCase(cases, "lp@beta.test", {
      areaId: globalId("Area", world.beta.area("North")),
      children: [newChild("Elin", "Marsh", "2017-01-05")],
    });
    expect(betaCase.reference).toBe(`BET-${year}-0001`);
  });

  it("gives two cases opened at the same moment different references", async () => {
    const [x, y] = await Promise.all([
      openedCase(cases, "lp@alpha.test", { areaId: north(), children: [newChild("Ravi", "Campbell", "2016-06-06")] }),
      openedCase(cases, "lp2@alpha.test", { areaId: north(), children: [newChild("Hana", "Lindqvist", "2018-03-03")] }),
    ]);
    expect(new Set([x.reference, y.reference])).toEqual(new Set([`ALP-${year}-0004`, `ALP-${year}-0005`]));
  });
});

describe("who may open a case where", () => {
  it("refuses a lead professional outside their area, against the area field, writing nothing", async () => {
    const before = await rowCounts(database.db);
    const result = await cases.openCase("lp-south@alpha.test", {
      areaId: north(),
      children: [newChild("Tom", "Reyes", "2019-01-01")],
    });
    expect(result).toMatchObject({ __typename: "DomainError", code: "NOT_AUTHORISED", field: "input.areaId" });
    expect(await rowCounts(database.db)).toEqual(before);
  });

  it("refuses people who are not lead professionals", async () => {
    for (const email of ["finance@alpha.test", "approver@alpha.test", "admin@alpha.test"]) {
      const result = await cases.openCase(email, {
        areaId: north(),
        children: [newChild("Tom", "Reyes", "2019-01-01")],
      });
      expect(result).toMatchObject({ code: "NOT_AUTHORISED", field: "input.areaId" });
    }
  });

  it("refuses a child the lead professional may not see, as not found", async () => {
    const someoneElses = await database.db.child.findFirstOrThrow({ where: { givenName: "Kwame" } });
    const result = await cases.openCase("lp@alpha.test", {
      areaId: north(),
      children: [{ existingChildId: globalId("Child", someoneElses.id) }],
    });
    expect(result).toMatchObject({ code: "NOT_FOUND", field: "input.children.0.existingChildId" });
  });

  it("refuses someone not signed in", async () => {
    const result = await cases.api.graphql(
      `mutation ($input: OpenCaseInput!) { openCase(input: $input) { __typename ... on Error { code } } }`,
      { input: { areaId: north(), children: [newChild("Tom", "Reyes", "2019-01-01")] } },
    );
    expect(result.data?.openCase).toMatchObject({ code: "NOT_SIGNED_IN" });
  });

  it("can be opened on a day given as a date of birth of today", async () => {
    const today = await openedCase(cases, "lp@alpha.test", {
      areaId: north(),
      children: [newChild("Ada", "Ferreira", dayFromToday(0))],
    });
    expect(today.children[0].ageInYears).toBe(0);
  });
});
