// A scheme's own attributes of a purchase request: validated by its schema on every write,
// stored under its id, and seen by its rules.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineSchemePlugin } from "../../src/plugins/plugin-contract.ts";
import { coreScheme } from "../../src/schemes/core-scheme.ts";
import { draftInput, purchaseApi } from "../purchases/support/purchase-api.ts";
import { PASSWORD, type PurchaseWorld, seedPurchaseWorld } from "../purchases/support/purchase-world.ts";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

const tiny = defineSchemePlugin({
  id: "tiny-town",
  name: "Tiny Town",
  version: "1.0.0",
  coreVersion: "^0.1.0",
  settings: z.object({}),
  requestExtension: z.object({
    panelDate: z.iso.date("Give the panel's date as YYYY-MM-DD").optional(),
    urgent: z.boolean().default(false),
  }),
  rules: () => ({
    ...coreScheme,
    checkSubmission: async ({ request }) =>
      (request.extensions["tiny-town"] as { panelDate?: string } | undefined)?.panelDate
        ? []
        : [
            {
              code: "TINY_PANEL_DATE_NEEDED",
              message: "Say when the panel met.",
              field: "extensions.tiny-town.panelDate",
            },
          ],
  }),
});

let database: TestDatabase;
let world: PurchaseWorld;
let purchases: ReturnType<typeof purchaseApi>;
let lp: string;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedPurchaseWorld(database.db);
  await database.db.budget.update({ where: { id: world.budgetId }, data: { scheme: "tiny-town" } });
  await database.db.authorityScheme.create({ data: { authorityId: world.authorityId, schemeId: "tiny-town" } });
  await database.db.schemeSettings.create({
    data: {
      authorityId: world.authorityId,
      schemeId: "tiny-town",
      version: 1,
      settings: {},
      effectiveFrom: new Date("2020-01-01"),
    },
  });
  const api = createTestApi(database.db, { plugins: [tiny] });
  purchases = purchaseApi(api);
  lp = await api.signIn("lp@alpha.test", PASSWORD);
});
afterAll(() => database.drop());

describe("a request's scheme extensions", () => {
  it("are validated by the scheme's schema, with defaults applied, and stored under its id", async () => {
    const draft = await purchases.create(
      lp,
      draftInput(world, [{ unitCost: 500 }], { extensions: { "tiny-town": { panelDate: "2026-05-02" } } }),
    );
    const stored = await database.db.purchaseRequest.findFirstOrThrow({ where: { reference: draft.reference } });
    expect(stored.extensions).toEqual({ "tiny-town": { panelDate: "2026-05-02", urgent: false } });
    expect((await purchases.submit(lp, draft.id)).status).toBe("AWAITING_DECISION");
  });

  it("that break the schema are refused field by field, and nothing is written", async () => {
    const before = await database.db.purchaseRequest.count();
    const result = await purchases.create(
      lp,
      draftInput(world, [{ unitCost: 500 }], { extensions: { "tiny-town": { panelDate: "last week" }, leeds: {} } }),
    );
    expect(result.issues).toEqual([
      {
        path: "input.extensions.leeds",
        message: 'This request\'s budget belongs to the "tiny-town" scheme, not "leeds".',
      },
      { path: "input.extensions.tiny-town.panelDate", message: "Give the panel's date as YYYY-MM-DD" },
    ]);
    expect(await database.db.purchaseRequest.count()).toBe(before);
  });

  it("are what the scheme's rules read on submission", async () => {
    const draft = await purchases.create(lp, draftInput(world, [{ unitCost: 500 }]));
    const refused = await purchases.submit(lp, draft.id);
    expect(refused.violations).toEqual([
      { code: "TINY_PANEL_DATE_NEEDED", message: "Say when the panel met.", field: "extensions.tiny-town.panelDate" },
    ]);
    await purchases.update(lp, draft.id, { extensions: { "tiny-town": { panelDate: "2026-05-09" } } });
    expect((await purchases.submit(lp, draft.id)).status).toBe("AWAITING_DECISION");
  });
});
