import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachmentDownloadPath } from "../../src/attachments/attachment-path.ts";
import { loadConfig } from "../../src/config.ts";
import { monthsBefore, pseudonymiseClosedCases } from "../../src/retention/pseudonymise-closed-cases.ts";
import { DEMO_PASSWORD } from "../../src/seed/demo-people.ts";
import { seedDemoData } from "../../src/seed/demo-seed.ts";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

// Every shipped scheme (pathfinder.config.ts): each removes what its own tables hold.
const { plugins } = await loadConfig();

let database: TestDatabase;
let expired: string;
let recent: string;
let recentChild: { givenName: string; familyName: string };
let expiredRequest: string;
let documentId: string;
let documentKey: string;
let uploaderEmail: string;
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

  // What the schemes' own tables hold about the family (Dorset's agreement, Leeds' case study),
  // and an assessment document of the expired case.
  const staff = await db.staffUser.findFirstOrThrow({
    where: { authorityId: first.authorityId, roleAssignments: { some: { role: "LEAD_PROFESSIONAL" } } },
  });
  uploaderEmail = staff.email;
  expiredRequest = request.id;
  await db.$executeRaw`INSERT INTO dorset_agreement (authority_id, purchase_request_id, service_agreed, service_agreed_on,
      review_process, review_due_on, notes, recorded_by_id)
    VALUES (${first.authorityId}::uuid, ${request.id}::uuid, ${`Swimming lessons for ${child.givenName}`}, '2022-01-01',
      ${`Ask ${child.givenName}'s mother`}, '2022-06-01', ${`${child.givenName} lives at 2 Invented Lane`}, ${staff.id}::uuid)`;
  const other = second.children[0]?.child;
  if (!other) throw new Error("no child on the recent case");
  recentChild = other;
  for (const [caseId, person] of [
    [expired, child],
    [recent, other],
  ] as const)
    await db.$executeRaw`INSERT INTO leeds_case_study (authority_id, case_id, situation_before, how_things_changed, recorded_by_id)
      VALUES (${first.authorityId}::uuid, ${caseId}::uuid, ${`${person.givenName} ${person.familyName} slept on the floor`},
        ${`${person.givenName} sleeps in a bed`}, ${staff.id}::uuid)`;
  documentKey = randomUUID();
  await db.storedFile.create({
    data: { key: documentKey, authorityId: first.authorityId, content: new Uint8Array([37, 80, 68, 70]) },
  });
  const document = await db.attachment.create({
    data: {
      authorityId: first.authorityId,
      kind: "ASSESSMENT",
      filename: `CAF for ${child.givenName} ${child.familyName}.pdf`,
      contentType: "application/pdf",
      size: 4,
      sha256: "0".repeat(64),
      storageKey: documentKey,
      uploadedById: staff.id,
    },
  });
  documentId = document.id;
  await db.assessment.create({
    data: {
      authorityId: first.authorityId,
      caseId: expired,
      kind: "CAF",
      completedOn: new Date("2021-12-01"),
      priorityNeeds: [],
      documentId,
      recordedById: staff.id,
    },
  });
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
    result = await pseudonymiseClosedCases(database.app, plugins, asOf);
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

  it("removes the family's names from the schemes' own tables too: Dorset's agreement, Leeds' case study", async () => {
    const [agreement] = await database.db.$queryRaw<Record<string, string>[]>`
      SELECT service_agreed, review_process, notes FROM dorset_agreement WHERE purchase_request_id = ${expiredRequest}::uuid`;
    expect(agreement).toEqual({
      service_agreed: "Swimming lessons for [name removed]",
      review_process: "Ask [name removed]'s mother",
      notes: "",
    });
    const studies = await database.db.$queryRaw<
      { case_id: string; situation_before: string; how_things_changed: string }[]
    >`
      SELECT case_id::text, situation_before, how_things_changed FROM leeds_case_study`;
    expect(studies.find((study) => study.case_id === expired)).toMatchObject({
      situation_before: "[name removed] [name removed] slept on the floor",
      how_things_changed: "[name removed] sleeps in a bed",
    });
    // The recent case's study is untouched.
    expect(studies.find((study) => study.case_id === recent)?.how_things_changed).toBe(
      `${recentChild.givenName} sleeps in a bed`,
    );
  });

  it("names every table a scheme plugin owns in that plugin's retention hook, so none is forgotten", async () => {
    const tables = (
      await database.db.$queryRaw<{ name: string }[]>`
      SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`
    ).map((row) => row.name);
    const problems = plugins.flatMap((plugin) => {
      const owned = tables.filter((table) => table.startsWith(`${plugin.id.replaceAll("-", "_")}_`));
      const declared = plugin.retention?.tables ?? [];
      return [
        ...owned
          .filter((table) => !declared.includes(table))
          .map((table) => `${plugin.id}: ${table} not in its retention hook`),
        ...declared.filter((table) => !tables.includes(table)).map((table) => `${plugin.id}: ${table} does not exist`),
      ];
    });
    expect(problems).toEqual([]);
    expect(plugins.flatMap((plugin) => plugin.retention?.tables ?? [])).toEqual([
      "dorset_agreement",
      "leeds_case_study",
    ]);
  });

  it("removes an assessment document's stored file, keeps its row marked removed, and a download says why (410)", async () => {
    expect(await database.db.storedFile.count({ where: { key: documentKey } })).toBe(0);
    const document = await database.db.attachment.findUniqueOrThrow({ where: { id: documentId } });
    expect(document.removedAt).not.toBeNull();
    expect(document.filename).toBe("CAF for [name removed] [name removed].pdf");
    const api = createTestApi(database.db);
    const token = await api.signIn(uploaderEmail, DEMO_PASSWORD);
    const response = await api.request(attachmentDownloadPath(documentId), {
      headers: { authorization: `Bearer ${token}` },
    });
    expect([response.status, await response.text()]).toEqual([
      410,
      expect.stringMatching(/removed under the retention policy/),
    ]);
    // Receipts' files are the financial record: none of them went.
    expect(await database.db.attachment.count({ where: { kind: "RECEIPT", removedAt: { not: null } } })).toBe(0);
  });

  it("leaves a case closed inside the period untouched", async () => {
    expect(await snapshot(recent)).toEqual(recentBefore);
  });

  it("does nothing more on a second run", async () => {
    const snapshotAfterFirst = await snapshot(expired);
    expect(await pseudonymiseClosedCases(database.app, plugins, asOf)).toEqual({
      casesPseudonymised: 0,
      childrenPseudonymised: 0,
    });
    expect(await snapshot(expired)).toEqual(snapshotAfterFirst);
  });
});
