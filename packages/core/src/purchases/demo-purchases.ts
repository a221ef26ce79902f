// Demo budgets and purchase requests at every stage, made through the same services the API
// uses, so the ledger, history and audit trail are exactly what real use would leave.
import { recordAudit } from "../audit/audit-log.ts";
import { postToLedger } from "../budgets/budget-ledger.ts";
import type { Database } from "../db/prisma-client.ts";
import type { Transaction } from "../db/transaction.ts";
import type { Pence } from "../domain/money.ts";
import type { PurchaseCategory, PurchaseRoute } from "../generated/prisma/enums.ts";
import type { Viewer } from "../permissions/viewer.ts";
import type { SchemeRegistry } from "../schemes/scheme-rules.ts";
import { financialYear } from "../seed/demo-budgets.ts";
import { viewerFromUser } from "../server/viewer-from-request.ts";
import { decidePurchase } from "./decide-purchase.ts";
import { fulfilPurchase } from "./fulfil-purchase.ts";
import { nextPurchaseReference } from "./purchase-references.ts";
import { reconcilePurchase, recordReceipt, returnUnspent } from "./receipts-and-returns.ts";
import { reviewPurchase } from "./review-purchase.ts";
import { submitPurchase } from "./submit-purchase.ts";
import { withdrawPurchase } from "./withdraw-purchase.ts";

type Stage =
  | "DRAFT"
  | "AWAITING_DECISION"
  | "RETURNED"
  | "REJECTED"
  | "WITHDRAWN"
  | "APPROVED"
  | "FULFILLED"
  | "CLOSED";

interface DemoRequest {
  caseIndex: number;
  route: PurchaseRoute;
  item: { category: PurchaseCategory; description: string; unitCost: number; quantity: number; supplier?: string };
  outcomes: string;
  stage: Stage;
}

const demoRequests: DemoRequest[] = [
  {
    caseIndex: 0,
    route: "SUPPLIER_ORDER",
    stage: "CLOSED",
    outcomes: "Ffion sleeps safely; her mother gets unbroken sleep.",
    item: {
      category: "DOMESTIC_EQUIPMENT",
      description: "Cot bed, mattress and stair gate",
      unitCost: 18_999,
      quantity: 1,
      supplier: "Northgate Baby & Toddler Store",
    },
  },
  {
    caseIndex: 0,
    route: "SUPPLIER_ORDER",
    stage: "FULFILLED",
    outcomes: "Isla settles at nursery while her mother attends college.",
    item: {
      category: "CHILDCARE",
      description: "Nursery sessions, mornings",
      unitCost: 3_250,
      quantity: 10,
      supplier: "Little Acorns Day Nursery",
    },
  },
  {
    caseIndex: 0,
    route: "CASH",
    stage: "RETURNED",
    outcomes: "Ffion gets to her hospital appointments on time.",
    item: { category: "TRANSPORT", description: "Taxis to hospital appointments", unitCost: 2_400, quantity: 6 },
  },
  {
    caseIndex: 1,
    route: "SUPPLIER_ORDER",
    stage: "APPROVED",
    outcomes: "Aisha has someone to talk to after her move.",
    item: {
      category: "COUNSELLING_OR_TRADED_SERVICE",
      description: "Counselling sessions",
      unitCost: 4_500,
      quantity: 8,
      supplier: "Open Door Counselling",
    },
  },
  {
    caseIndex: 1,
    route: "CASH",
    stage: "FULFILLED",
    outcomes: "Aisha gets to college every day.",
    item: { category: "TRANSPORT", description: "Bus pass for the autumn term", unitCost: 9_600, quantity: 1 },
  },
  {
    caseIndex: 1,
    route: "CASH",
    stage: "WITHDRAWN",
    outcomes: "Aisha can do coursework at home.",
    item: { category: "EDUCATION_AND_TRAINING", description: "Second-hand laptop", unitCost: 22_000, quantity: 1 },
  },
  {
    caseIndex: 2,
    route: "SUPPLIER_ORDER",
    stage: "AWAITING_DECISION",
    outcomes: "Yusuf sleeps in a bed of his own.",
    item: {
      category: "DOMESTIC_EQUIPMENT",
      description: "Single bed and mattress",
      unitCost: 16_500,
      quantity: 1,
      supplier: "Second Home Furniture (charity shop)",
    },
  },
  {
    caseIndex: 2,
    route: "CASH",
    stage: "DRAFT",
    outcomes: "Maryam learns to swim with her class.",
    item: { category: "LEISURE_OR_CULTURAL", description: "Swimming lessons", unitCost: 650, quantity: 12 },
  },
  {
    caseIndex: 2,
    route: "CASH",
    stage: "REJECTED",
    outcomes: "Yusuf has something to do at weekends.",
    item: { category: "OTHER", description: "Games console", unitCost: 25_000, quantity: 1 },
  },
];

async function viewerByEmail(db: Database, email: string): Promise<Viewer> {
  const now = new Date();
  const user = await db.staffUser.findUniqueOrThrow({
    where: { email },
    include: {
      roleAssignments: true,
      coverTaken: {
        where: { startsOn: { lte: now }, endsOn: { gte: now } },
        include: { delegator: { include: { roleAssignments: true } } },
      },
    },
  });
  return viewerFromUser(user);
}

export async function seedDemoPurchases(
  db: Database,
  authorityId: string,
  schemes: SchemeRegistry,
  emailDomain: string,
) {
  const budgetManager = await viewerByEmail(db, `budgets@${emailDomain}`);
  const finance = await viewerByEmail(db, `finance@${emailDomain}`);
  const period = financialYear();
  const areas = await db.area.findMany({ where: { authorityId }, orderBy: { name: "asc" } });
  const budgets = new Map<string, string>();
  for (const area of areas) {
    await db.$transaction(async (tx) => {
      const budget = await tx.budget.create({
        data: {
          authorityId,
          areaId: area.id,
          name: `${area.name} fund ${period.label}`,
          periodStart: period.start,
          periodEnd: period.end,
          holderRole: "APPROVER",
        },
      });
      await postToLedger(tx, budgetManager, {
        budgetId: budget.id,
        kind: "ALLOCATION",
        amount: 1_500_000 as Pence,
        note: "Annual allocation",
      });
      await recordAudit(tx, budgetManager, {
        action: "budget.create",
        entityType: "Budget",
        entityId: budget.id,
        summary: `Created budget ${budget.name} with £15,000.00`,
      });
      budgets.set(area.id, budget.id);
    });
  }

  const openCases = await db.case.findMany({
    where: { authorityId, status: "OPEN" },
    orderBy: { openedAt: "desc" },
    include: { leadProfessional: true },
  });
  const suppliers = new Map((await db.supplier.findMany({ where: { authorityId } })).map((s) => [s.name, s.id]));
  for (const demo of demoRequests) {
    const theCase = openCases[demo.caseIndex % openCases.length];
    if (!theCase?.leadProfessional) continue;
    const requester = await viewerByEmail(db, theCase.leadProfessional.email);
    const approverRow = await db.staffUser.findFirst({
      where: { authorityId, roleAssignments: { some: { role: "APPROVER", areaId: theCase.areaId } } },
    });
    const approver = approverRow ? await viewerByEmail(db, approverRow.email) : null;
    const step = <T>(work: (tx: Transaction) => Promise<T>) => db.$transaction(work);

    const id = await step(async (tx) => {
      const request = await tx.purchaseRequest.create({
        data: {
          authorityId,
          caseId: theCase.id,
          budgetId: budgets.get(theCase.areaId) as string,
          requesterId: requester.id,
          route: demo.route,
          reference: await nextPurchaseReference(tx, authorityId),
          intendedOutcomes: demo.outcomes,
          ecmOutcomes: ["BE_HEALTHY", "ENJOY_AND_ACHIEVE"],
          otherFundingExplanation:
            "No statutory duty covers this; the family has no savings and the usual charities have a waiting list.",
          total: demo.item.unitCost * demo.item.quantity,
          items: {
            create: {
              position: 0,
              category: demo.item.category,
              description: demo.item.description,
              unitCost: demo.item.unitCost,
              quantity: demo.item.quantity,
              supplierId: demo.item.supplier ? (suppliers.get(demo.item.supplier) ?? null) : null,
            },
          },
          history: { create: { toStatus: "DRAFT", actorId: requester.id } },
        },
      });
      await recordAudit(tx, requester, {
        action: "purchase.create",
        entityType: "PurchaseRequest",
        entityId: request.id,
        caseId: theCase.id,
        summary: `Started request ${request.reference}`,
      });
      return request.id;
    });
    if (demo.stage === "DRAFT") continue;
    if (demo.stage === "WITHDRAWN") {
      await step((tx) => withdrawPurchase(tx, requester, id, "The college lends laptops after all."));
      continue;
    }
    await step((tx) => submitPurchase(tx, requester, schemes, id));
    if (demo.stage === "AWAITING_DECISION" || !approver) continue;
    if (demo.stage === "REJECTED") {
      await step((tx) =>
        decidePurchase(tx, approver, schemes, id, "REJECTED", "Not linked to a need in the assessment."),
      );
      continue;
    }
    if (demo.stage === "RETURNED") {
      await step((tx) =>
        decidePurchase(
          tx,
          approver,
          schemes,
          id,
          "RETURNED",
          "Please check whether hospital transport can take these journeys.",
        ),
      );
      continue;
    }
    await step((tx) => decidePurchase(tx, approver, schemes, id, "APPROVED", "Agreed."));
    if (demo.stage === "APPROVED") continue;
    const total = demo.item.unitCost * demo.item.quantity;
    await step((tx) =>
      fulfilPurchase(
        tx,
        finance,
        schemes,
        id,
        demo.route === "CASH"
          ? { cashIssued: total, cashSignedForBy: requester.name }
          : { orderReference: `PO-${id.slice(0, 6).toUpperCase()}` },
      ),
    );
    if (demo.stage === "FULFILLED") continue;
    await step((tx) =>
      recordReceipt(tx, finance, id, { amount: total - 499, description: "Invoice", attachmentId: null }),
    );
    if (demo.route === "CASH") await step((tx) => returnUnspent(tx, finance, id, 499));
    await step((tx) => reconcilePurchase(tx, finance, id));
    await step((tx) =>
      reviewPurchase(tx, requester, id, {
        outcomeAchieved: demo.outcomes,
        ecmAchieved: ["BE_HEALTHY"],
        familyComments: "It made a real difference to our evenings.",
        otherNotes: "",
      }),
    );
  }
}
