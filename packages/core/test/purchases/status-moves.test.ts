// A status move is one statement (purchases/purchase-status.ts): the conditional update and the
// history row land together or not at all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../src/permissions/viewer.ts";
import { moveStatus } from "../../src/purchases/purchase-status.ts";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { draftInput, purchaseApi } from "./support/purchase-api.ts";
import { PASSWORD, type PurchaseWorld, seedPurchaseWorld, viewerOf } from "./support/purchase-world.ts";

let database: TestDatabase;
let world: PurchaseWorld;
let requestId: string;
let finance: Viewer;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedPurchaseWorld(database.db, "alpha");
  const api = createTestApi(database.db);
  const lp = await api.signIn("lp@alpha.test", PASSWORD);
  const approver = await api.signIn("approver@alpha.test", PASSWORD);
  const purchases = purchaseApi(api);
  const draft = await purchases.create(lp, draftInput(world, [{ unitCost: 4_500 }]));
  await purchases.submit(lp, draft.id);
  expect((await purchases.decide(approver, draft.id, "APPROVE")).status).toBe("APPROVED");
  requestId = (await database.db.purchaseRequest.findFirstOrThrow({ select: { id: true } })).id;
  finance = viewerOf(world, "finance", "FINANCE_OFFICER");
});
afterAll(() => database.drop());

const historyOf = (id: string) =>
  database.db.purchaseStatusChange.findMany({ where: { purchaseRequestId: id }, orderBy: { at: "asc" } });

describe("moving a request's status", () => {
  it("refuses a move from a status the request has already left, changing nothing and writing no history", async () => {
    const before = await historyOf(requestId);
    const stale = { id: requestId, authorityId: world.authorityId, status: "AWAITING_DECISION" as const };
    await expect(
      database.db.$transaction((tx) => moveStatus(tx, finance, stale, "WITHDRAWN", "withdrawn", "Too late")),
    ).rejects.toMatchObject({ code: "CHANGED_MEANWHILE" });
    expect((await database.db.purchaseRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("APPROVED");
    expect(await historyOf(requestId)).toEqual(before);
  });

  it("sets the status, its time stamp and the given columns, and writes one history row with the same instant", async () => {
    const current = { id: requestId, authorityId: world.authorityId, status: "APPROVED" as const };
    // 00:30 on the 16th in London (summer time): the column keeps the UTC day, the 15th.
    const due = new Date("2027-07-15T23:30:00.000Z");
    await database.db.$transaction((tx) =>
      moveStatus(tx, finance, current, "FULFILLED", "fulfilled", "Ordered: PO-77", {
        orderReference: "PO-77",
        receiptsDueOn: due,
      }),
    );
    const moved = await database.db.purchaseRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(moved.status).toBe("FULFILLED");
    expect(moved.orderReference).toBe("PO-77");
    expect(moved.receiptsDueOn?.toISOString()).toBe("2027-07-15T00:00:00.000Z");
    // The same day Prisma itself writes for that instant.
    const viaPrisma = await database.db.purchaseRequest.update({
      where: { id: requestId },
      data: { reviewDueOn: due },
    });
    expect(viaPrisma.reviewDueOn).toEqual(moved.receiptsDueOn);
    expect(moved.cashIssued).toBeNull();
    const last = (await historyOf(requestId)).at(-1);
    expect(last).toMatchObject({
      fromStatus: "APPROVED",
      toStatus: "FULFILLED",
      actorId: finance.id,
      note: "Ordered: PO-77",
      authorityId: world.authorityId,
    });
    expect(last?.at).toEqual(moved.fulfilledAt);
  });
});
