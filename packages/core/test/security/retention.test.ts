import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { monthsBefore, pseudonymiseClosedCases } from "../../src/retention/pseudonymise-closed-cases.ts";
import { seedDemoData } from "../../src/seed/demo-seed.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

let database: TestDatabase;
let expired: string;
let recent: string;
const asOf = new Date("2030-06-15T12:00:00Z");

/** Everything recorded about a case, its children and its money, as the admin client sees it. */
async function snapshot(caseId: string) {
  const db = database.db;
  const theCase = await db.case.findUniqueOrThrow({
    where: { id: caseId },
    include: {
      children: { include: { child: { include: { household: true } } } },
      assessments: true,
      meetings: true,
      unmetNeeds: true,
    },
  });
  const requests = await db.purchaseRequest.findMany({
    where: { caseId },
    include: { items: true, receipts: true, decisions: true, history: true, review: true },
    orderBy: { reference: "asc" },
  });
  const ledger = await db.ledgerEntry.findMany({
    where: { purchaseRequestId: { in: requests.map((request) => request.id) } },
    orderBy: { sequence: "asc" },
  });
  return { theCase, requests, ledger };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db);
  const db = database.db;
  // Two cases with money spent, each with children on no other case: one closed seven years
  // before `asOf` (past the default six), one closed a year before (inside it).
  const withMoney = await db.case.findMany({
    where: {
      purchaseRequests: { some: { status: { in: ["APPROVED", "FULFILLED", "RECONCILED", "CLOSED"] } } },
      children: { some: {} },
    },
    include: { children: { include: { child: { include: { cases: true } } } } },
    orderBy: { reference: "asc" },
  });
  const alone = withMoney.filter((c) => c.children.every((link) => link.child.cases.length === 1));
  const [first, second] = alone;
  if (!first || !second) throw new Error("The demo data needs two cases with spending and no shared children");
  expired = first.id;
  recent = second.id;
  const child = first.children[0]?.child;
  if (!child) throw new Error("no child");
  // Free text that names the child, an address, and who signed for cash.
  if (child.householdId)
    await db.household.update({
      where: { id: child.householdId },
      data: { address: "2 Invented Lane", postcode: "KV3 9ZZ" },
    });
  const request = await db.purchaseRequest.findFirstOrThrow({ where: { caseId: expired }, include: { items: true } });
  await db.purchaseItem.update({
    where: { id: request.items[0]?.id },
    data: { description: `Swimming lessons for ${child.givenName}` },
  });
  await db.purchaseRequest.update({
    where: { id: request.id },
    data: { intendedOutcomes: `${child.givenName} ${child.familyName} learns to swim`, cashSignedForBy: "Sam Parent" },
  });
  await db.teamMeeting.create({
    data: {
      authorityId: first.authorityId,
      caseId: expired,
      heldOn: new Date("2022-01-10"),
      attendees: [`${child.givenName}'s mother`, "School nurse"],
      notes: `${child.givenName} is doing well`,
    },
  });
  await db.case.update({
    where: { id: expired },
    data: {
      status: "CLOSED",
      closedAt: monthsBefore(asOf, 84),
      closureReason: `${child.givenName}'s needs were met`,
      plan: `Help ${child.givenName}`,
    },
  });
  await db.case.update({ where: { id: recent }, data: { status: "CLOSED", closedAt: monthsBefore(asOf, 12) } });
});
afterAll(() => database.drop());

describe("the retention job", () => {
  let before: Awaited<ReturnType<typeof snapshot>>;
  let recentBefore: Awaited<ReturnType<typeof snapshot>>;
  let result: Awaited<ReturnType<typeof pseudonymiseClosedCases>>;

  beforeAll(async () => {
    before = await snapshot(expired);
    recentBefore = await snapshot(recent);
    // As the application role, under row-level security, like the scheduled job.
    result = await pseudonymiseClosedCases(database.app, asOf);
  });

  it("removes names, exact dates of birth and addresses from a case closed past the retention period", async () => {
    const after = await snapshot(expired);
    expect(result.casesPseudonymised).toBeGreaterThanOrEqual(1);
    expect(after.theCase.pseudonymisedAt).not.toBeNull();
    for (const [index, link] of after.theCase.children.entries()) {
      const was = before.theCase.children[index]?.child;
      expect(link.child).toMatchObject({ givenName: "Redacted", familyName: "Redacted" });
      expect(link.child.dateOfBirth.getUTCFullYear()).toBe(was?.dateOfBirth.getUTCFullYear());
      expect(link.child.dateOfBirth.toISOString().slice(5, 10)).toBe("07-01");
      if (link.child.household) {
        expect(link.child.household).toMatchObject({ name: "Redacted", address: null });
        if (was?.household?.postcode) expect(link.child.household.postcode).toBe(was.household.postcode.split(" ")[0]);
      }
    }
  });

  it("removes free text naming the child, and who signed for cash", async () => {
    const after = await snapshot(expired);
    const names = before.theCase.children.flatMap((link) => [link.child.givenName, link.child.familyName]);
    const text = JSON.stringify(after, (_key, value) => (typeof value === "bigint" ? String(value) : value));
    for (const name of names) expect(text).not.toMatch(new RegExp(`\\b${name}\\b`, "i"));
    expect(text).not.toContain("2 Invented Lane");
    expect(text).not.toContain("Sam Parent");
    expect(after.theCase.plan).toBe("");
    expect(after.requests.flatMap((r) => r.items).map((item) => item.description)).toContain(
      "Swimming lessons for [name removed]",
    );
    const meeting = after.theCase.meetings.at(-1);
    expect(meeting?.attendees).toEqual(["[removed]", "[removed]"]);
  });

  it("keeps the financial record and the statistics exactly", async () => {
    const after = await snapshot(expired);
    const money = (s: typeof before) => ({
      case: [s.theCase.reference, s.theCase.areaId, s.theCase.status, s.theCase.openedAt, s.theCase.closedAt],
      requests: s.requests.map((r) => [
        r.reference,
        r.status,
        r.route,
        r.total,
        r.matchedFunding,
        r.cashIssued,
        r.budgetId,
        r.ecmOutcomes,
        r.submittedAt,
        r.decidedAt,
      ]),
      items: s.requests.flatMap((r) => r.items.map((i) => [i.category, i.unitCost, i.quantity, i.supplierId])),
      receipts: s.requests.flatMap((r) => r.receipts.map((x) => [x.amount, x.createdAt])),
      decisions: s.requests.flatMap((r) => r.decisions.map((d) => [d.outcome, d.role, d.deciderId, d.decidedAt])),
      ledger: s.ledger.map((e) => [e.kind, e.amount, e.budgetId, e.createdAt]),
      children: s.theCase.children.map((l) => [
        l.child.lookedAfter,
        l.child.disabled,
        l.child.dateOfBirth.getUTCFullYear(),
      ]),
      needs: s.theCase.unmetNeeds.map((n) => [n.category, n.estimatedCost]),
    });
    expect(money(after)).toEqual(money(before));
    expect(before.ledger.length).toBeGreaterThan(0);
  });

  it("leaves a case closed inside the period untouched", async () => {
    expect(await snapshot(recent)).toEqual(recentBefore);
  });

  it("does nothing more on a second run", async () => {
    const snapshotAfterFirst = await snapshot(expired);
    expect(await pseudonymiseClosedCases(database.app, asOf)).toEqual({
      casesPseudonymised: 0,
      childrenPseudonymised: 0,
    });
    expect(await snapshot(expired)).toEqual(snapshotAfterFirst);
  });
});
