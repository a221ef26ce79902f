// A known data set for the reports, written straight into the tables so every time stamp is
// exact: requests on the last and first moments of months (in UK time, across the change to
// British Summer Time), every status, two schemes, and other authorities whose rows must never
// count. The figures each report must give are worked out by hand in reports.test.ts.
import { hashPassword } from "../../../src/auth/password-hashing.ts";
import type { Database } from "../../../src/db/prisma-client.ts";
import type {
  EcmOutcome,
  PurchaseCategory,
  PurchaseRoute,
  PurchaseStatus,
} from "../../../src/generated/prisma/enums.ts";
import { type DemoAuthority, seedAuthority } from "../../../src/seed/demo-people.ts";
import { inventedStaff, PASSWORD } from "../../support/invented-staff.ts";

export { globalId, PASSWORD } from "../../support/invented-staff.ts";

const people = (code: string, areas: string[]): DemoAuthority => ({
  name: `${code} council`,
  code,
  areas,
  staff: inventedStaff(code, ["lp", "lp2", "approver", "overseer-south", "budgets", "finance", "admin", "norole"]),
});

interface RequestSpec {
  reference: string;
  caseId: string;
  budgetId: string;
  status: PurchaseStatus;
  route?: PurchaseRoute;
  submittedAt?: string;
  decidedAt?: string;
  items: [PurchaseCategory, number, number?][];
  ecm?: EcmOutcome[];
  matched?: number;
  review?: { achieved: EcmOutcome[] };
}

/** One authority's people, areas and a writer for its cases, budgets, requests and needs. */
export async function authorityWriter(db: Database, code: string, areas: string[], passwordHash: string) {
  const seeded = await seedAuthority(db, people(code, areas), passwordHash);
  const authorityId = seeded.authorityId;
  const area = (name: string) => seeded.areas.get(name) as string;
  const staff = (who: string) => seeded.staff.get(`${who}@${code}.test`) as string;

  async function household(name: string) {
    return (await db.household.create({ data: { authorityId, name } })).id;
  }
  async function openCase(reference: string, areaName: string, lead: string, children: [string, string | null][]) {
    const created = await db.case.create({
      data: { authorityId, areaId: area(areaName), leadProfessionalId: staff(lead), reference },
    });
    for (const [givenName, householdId] of children) {
      const child = await db.child.create({
        data: { authorityId, givenName, familyName: "Example", dateOfBirth: new Date("2018-03-01"), householdId },
      });
      await db.caseChild.create({ data: { authorityId, caseId: created.id, childId: child.id } });
    }
    return created.id;
  }
  async function budget(
    name: string,
    areaName: string | null,
    scheme: string,
    allocation: number,
    allocatedAt: string,
  ) {
    const created = await db.budget.create({
      data: {
        authorityId,
        areaId: areaName ? area(areaName) : null,
        scheme,
        name,
        periodStart: new Date("2026-01-01"),
        periodEnd: new Date("2026-04-30"),
        holderRole: "APPROVER",
      },
    });
    await ledger(created.id, "ALLOCATION", allocation, allocatedAt);
    return created.id;
  }
  async function ledger(budgetId: string, kind: string, amount: number, at: string, requestId: string | null = null) {
    await db.$executeRaw`INSERT INTO ledger_entry (authority_id, budget_id, kind, amount, purchase_request_id, created_at)
      VALUES (${authorityId}::uuid, ${budgetId}::uuid, ${kind}::ledger_entry_kind, ${amount}, ${requestId}::uuid, ${at}::timestamptz)`;
  }
  async function request(spec: RequestSpec) {
    const total = spec.items.reduce((sum, [, unitCost, quantity = 1]) => sum + unitCost * quantity, 0);
    const created = await db.purchaseRequest.create({
      data: {
        authorityId,
        caseId: spec.caseId,
        budgetId: spec.budgetId,
        requesterId: staff("lp"),
        reference: spec.reference,
        status: spec.status,
        route: spec.route ?? "SUPPLIER_ORDER",
        ecmOutcomes: spec.ecm ?? [],
        matchedFunding: spec.matched ?? 0,
        total,
        submittedAt: spec.submittedAt ? new Date(spec.submittedAt) : null,
        decidedAt: spec.decidedAt ? new Date(spec.decidedAt) : null,
        items: {
          create: spec.items.map(([category, unitCost, quantity = 1], position) => ({
            position,
            category,
            description: `${category.toLowerCase()} item`,
            unitCost,
            quantity,
          })),
        },
      },
    });
    if (spec.review)
      await db.review.create({
        data: {
          authorityId,
          purchaseRequestId: created.id,
          outcomeAchieved: "Things are better.",
          ecmAchieved: spec.review.achieved,
          recordedById: staff("lp"),
        },
      });
    return created.id;
  }
  async function unmetNeed(caseId: string, category: PurchaseCategory, estimatedCost: number | null, at: string) {
    await db.unmetNeed.create({
      data: {
        authorityId,
        caseId,
        category,
        description: "No service offers this locally",
        estimatedCost,
        recordedById: staff("lp"),
        createdAt: new Date(at),
      },
    });
  }
  return { authorityId, area, staff, household, openCase, budget, ledger, request, unmetNeed };
}

const HOUR = 3_600_000;
const after = (iso: string, hours: number) => new Date(new Date(iso).getTime() + hours * HOUR).toISOString();

export async function seedReportWorld(db: Database) {
  const hash = await hashPassword(PASSWORD);
  const alpha = await authorityWriter(db, "alpha", ["North", "South"], hash);
  const h1 = await alpha.household("The Examples of Elm Street");
  const h2 = await alpha.household("The Examples of Oak Road");
  const c1 = await alpha.openCase("ALPHA-C1", "North", "lp", [
    ["Amy", h1],
    ["Ben", h1],
  ]);
  const c2 = await alpha.openCase("ALPHA-C2", "North", "lp2", [["Cal", null]]);
  const c3 = await alpha.openCase("ALPHA-C3", "South", "lp2", [["Dee", h2]]);
  const north = await alpha.budget("North fund", "North", "core", 120_000, "2026-01-01T00:00:00Z");
  const south = await alpha.budget("South fund", "South", "leeds", 200_000, "2026-01-15T09:00:00Z");

  // The last minute of January (GMT): January's.
  const r1At = "2026-01-31T23:59:00Z";
  const r1 = await alpha.request({
    reference: "R1",
    caseId: c1,
    budgetId: north,
    status: "CLOSED",
    submittedAt: r1At,
    decidedAt: after(r1At, 2),
    items: [["CHILDCARE", 5_000, 2]],
    ecm: ["BE_HEALTHY", "STAY_SAFE"],
    matched: 1_000,
    review: { achieved: ["BE_HEALTHY"] },
  });
  // The first moment of February: February's. A bus fare.
  const r2At = "2026-02-01T00:00:00Z";
  const r2 = await alpha.request({
    reference: "R2",
    caseId: c1,
    budgetId: north,
    status: "FULFILLED",
    route: "CASH",
    submittedAt: r2At,
    decidedAt: after(r2At, 4),
    items: [["TRANSPORT", 150]],
    ecm: ["ENJOY_AND_ACHIEVE"],
  });
  // 23:30 UTC on 31 March is 00:30 on 1 April in British Summer Time: April's.
  const r3At = "2026-03-31T23:30:00Z";
  await alpha.request({
    reference: "R3",
    caseId: c2,
    budgetId: north,
    status: "REJECTED",
    route: "CASH",
    submittedAt: r3At,
    decidedAt: after(r3At, 10),
    items: [["DOMESTIC_EQUIPMENT", 60_000]],
    ecm: ["STAY_SAFE"],
  });
  const r4At = "2026-02-15T10:00:00Z";
  const r4 = await alpha.request({
    reference: "R4",
    caseId: c3,
    budgetId: south,
    status: "APPROVED",
    submittedAt: r4At,
    decidedAt: after(r4At, 24),
    items: [
      ["COUNSELLING_OR_TRADED_SERVICE", 100_000],
      ["TRANSPORT", 500],
    ],
    ecm: ["MAKE_A_POSITIVE_CONTRIBUTION"],
    matched: 5_000,
  });
  await alpha.request({
    reference: "R5",
    caseId: c2,
    budgetId: north,
    status: "AWAITING_DECISION",
    route: "CASH",
    submittedAt: "2026-02-20T12:00:00Z",
    items: [["TRANSPORT", 2_000]],
  });
  // A draft is nobody's figure yet.
  await alpha.request({ reference: "R6", caseId: c1, budgetId: north, status: "DRAFT", items: [["CHILDCARE", 9_999]] });
  await alpha.request({
    reference: "R7",
    caseId: c1,
    budgetId: north,
    status: "WITHDRAWN",
    submittedAt: "2026-02-10T09:00:00Z",
    items: [["CLOTHING_AND_UNIFORM", 3_000]],
  });

  // The ledger, month by month.
  await alpha.ledger(north, "COMMITMENT", 10_000, after(r1At, 2), r1); // 1 February, 01:59
  await alpha.ledger(north, "COMMITMENT", 150, after(r2At, 4), r2);
  await alpha.ledger(north, "SPEND", 150, "2026-02-02T10:00:00Z", r2);
  await alpha.ledger(north, "SPEND", 10_000, "2026-02-10T10:00:00Z", r1);
  // 22:59:59 UTC on 31 March is 23:59:59 BST: still March.
  await alpha.ledger(north, "RETURN", 50, "2026-03-31T22:59:59Z", r2);
  await alpha.ledger(south, "COMMITMENT", 100_500, after(r4At, 24), r4);

  await alpha.unmetNeed(c1, "HOUSING_SET_UP", 50_000, "2026-02-28T23:59:00Z");
  await alpha.unmetNeed(c3, "HOUSING_SET_UP", null, "2026-03-01T00:00:00Z");
  await alpha.unmetNeed(c2, "CHILDCARE", 2_000, "2026-03-10T12:00:00Z");

  // Another authority, whose figures must never reach alpha's reports.
  const beta = await authorityWriter(db, "beta", ["North", "South"], hash);
  const c4 = await beta.openCase("BETA-C4", "North", "lp", [["Zed", null]]);
  const betaFund = await beta.budget("North fund", "North", "core", 500_000, "2026-01-01T00:00:00Z");
  const rb1At = "2026-02-05T10:00:00Z";
  const rb1 = await beta.request({
    reference: "RB1",
    caseId: c4,
    budgetId: betaFund,
    status: "APPROVED",
    submittedAt: rb1At,
    decidedAt: after(rb1At, 1),
    items: [["CHILDCARE", 77_700]],
    ecm: ["BE_HEALTHY"],
    matched: 700,
  });
  await beta.ledger(betaFund, "COMMITMENT", 77_700, after(rb1At, 1), rb1);
  await beta.unmetNeed(c4, "CHILDCARE", 1_000, "2026-02-05T10:00:00Z");

  return { alpha, beta, north, south };
}

/** A third authority whose North area has five grants, two of them far above the rest. */
export async function seedOutlierWorld(db: Database) {
  const gamma = await authorityWriter(db, "gamma", ["North", "South"], await hashPassword(PASSWORD));
  const fund = await gamma.budget("Gamma fund", null, "core", 1_000_000, "2026-01-01T00:00:00Z");
  const northCase = await gamma.openCase("GAMMA-C1", "North", "lp", [["Eve", null]]);
  const southCase = await gamma.openCase("GAMMA-C2", "South", "lp", [["Fay", null]]);
  const amounts = [1_000, 1_200, 1_500, 4_500, 6_000];
  for (const [index, amount] of amounts.entries())
    await gamma.request({
      reference: `G${index + 1}`,
      caseId: northCase,
      budgetId: fund,
      status: "APPROVED",
      submittedAt: `2026-03-0${index + 1}T10:00:00Z`,
      decidedAt: `2026-03-0${index + 1}T11:00:00Z`,
      items: [["LEISURE_OR_CULTURAL", amount]],
    });
  // South has too few grants to have a typical amount: its large one is not flagged.
  for (const [index, amount] of [100, 9_000].entries())
    await gamma.request({
      reference: `GS${index + 1}`,
      caseId: southCase,
      budgetId: fund,
      status: "APPROVED",
      submittedAt: "2026-03-02T10:00:00Z",
      decidedAt: "2026-03-02T11:00:00Z",
      items: [["OTHER", amount]],
    });
  return gamma;
}
