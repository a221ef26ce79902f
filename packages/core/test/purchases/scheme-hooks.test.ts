// A scheme's lifecycle hooks run inside the stage's transaction: what they write lands with
// the stage, and a hook that refuses stops the stage with nothing written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../../src/graphql/domain-errors.ts";
import { runReviewsDue } from "../../src/purchases/reviews-due.ts";
import { coreScheme, StaticSchemeRegistry } from "../../src/schemes/core-scheme.ts";
import type { SchemeEvent, SchemeRules } from "../../src/schemes/scheme-rules.ts";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { draftInput, purchaseApi } from "./support/purchase-api.ts";
import { PASSWORD, type PurchaseWorld, seedPurchaseWorld } from "./support/purchase-world.ts";

const heard: string[] = [];
let refuseFulfilment = false;
const note =
  (stage: string) =>
  async ({ tx, requestId }: SchemeEvent) => {
    const request = await tx.purchaseRequest.findUniqueOrThrow({ where: { id: requestId } });
    heard.push(`${stage}:${request.status}`);
  };
const hookedScheme: SchemeRules = {
  ...coreScheme,
  schemeId: "hooked",
  rulesVersion: "hooked-1",
  onSubmit: note("submit"),
  onDecision: async (event) => {
    await note(`decision-${event.outcome}-${event.final ? "final" : "more"}`)(event);
  },
  onFulfilment: async (event) => {
    if (refuseFulfilment) throw new DomainError("HOOK_REFUSED", "The scheme's finance check failed.");
    await note("fulfilment")(event);
  },
  onReviewDue: note("review-due"),
};

let database: TestDatabase;
let world: PurchaseWorld;
let api: ReturnType<typeof createTestApi>;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedPurchaseWorld(database.db);
  await database.db.budget.update({ where: { id: world.budgetId }, data: { scheme: "hooked" } });
  api = createTestApi(database.db, { schemes: new StaticSchemeRegistry().register(hookedScheme) });
});
afterAll(() => database.drop());

describe("a scheme's lifecycle hooks", () => {
  it("hear submission, decision and fulfilment inside each stage's transaction; a refusing hook stops its stage", async () => {
    const purchases = purchaseApi(api);
    const [lp, approver, finance] = await Promise.all(
      ["lp", "approver", "finance"].map((who) => api.signIn(`${who}@alpha.test`, PASSWORD)),
    );
    const draft = await purchases.create(lp as string, draftInput(world, [{ unitCost: 2_000 }]));
    await purchases.submit(lp as string, draft.id);
    await purchases.decide(approver as string, draft.id, "APPROVE");
    expect(heard).toEqual(["submit:AWAITING_DECISION", "decision-APPROVED-final:APPROVED"]);

    refuseFulfilment = true;
    const refused = await purchases.fulfil(finance as string, draft.id, {
      cashIssued: 2_000,
      cashSignedForBy: "Lena Price",
    });
    expect(refused).toMatchObject({ code: "HOOK_REFUSED", message: "The scheme's finance check failed." });
    const unchanged = await database.db.purchaseRequest.findFirstOrThrow({ where: { reference: draft.reference } });
    expect(unchanged).toMatchObject({ status: "APPROVED", cashIssued: null });
    expect(await database.db.ledgerEntry.count({ where: { kind: "SPEND" } })).toBe(0);

    refuseFulfilment = false;
    expect(
      (await purchases.fulfil(finance as string, draft.id, { cashIssued: 2_000, cashSignedForBy: "Lena Price" }))
        .status,
    ).toBe("FULFILLED");
    expect(heard.at(-1)).toBe("fulfilment:FULFILLED");
  });

  it("hear a review falling due once, from the daily job", async () => {
    const registry = new StaticSchemeRegistry().register(hookedScheme);
    const later = new Date(Date.now() + 400 * 86_400_000);
    expect(await runReviewsDue(database.db, registry, new Date())).toBe(0);
    expect(await runReviewsDue(database.db, registry, later)).toBe(1);
    expect(await runReviewsDue(database.db, registry, later)).toBe(0);
    expect(heard.at(-1)).toBe("review-due:FULFILLED");
    expect(
      await database.db.auditEvent.findMany({ where: { action: "purchase.review-due" }, select: { actorId: true } }),
    ).toEqual([{ actorId: null }]);
  });
});
