import { describe, expect, it } from "vitest";
import { dayFromToday, demoCounty } from "./cic-api.ts";

const SW = "sw@children-in-care.example";
const ADMIN = "admin@children-in-care.example";

const county = demoCounty();

it("a first request is signed off under the default settings (version 1)", async () => {
  expect(await county.api.request(SW, county.kai(), county.budgetId, 25_000)).toMatchObject({
    status: "APPROVED",
    rulesVersion: "children-in-care@1.0.0/settings-1",
  });
});

describe("settings over time", () => {
  it("lower levels from tomorrow change nothing today", async () => {
    const changed = await county.api.scheme(
      ADMIN,
      "configurePlugin",
      { selfSignOffLimitPence: 10_000, teamManagerLimitPence: 50_000, reviewDueInDays: 30, receiptsDueInDays: 14 },
      dayFromToday(1),
    );
    expect(changed).toMatchObject({ settingsVersion: 1 });
    expect((await county.api.request(SW, county.kai(), county.budgetId, 20_000)).status).toBe("APPROVED");
  });

  it("from today they apply at once, while decisions already made keep the rules they were made under", async () => {
    const first = await county.database.db.decision.findFirstOrThrow({
      where: { rulesVersion: { startsWith: "children-in-care" } },
      orderBy: { decidedAt: "asc" },
    });
    const changed = await county.api.scheme(
      ADMIN,
      "configurePlugin",
      { selfSignOffLimitPence: 10_000, teamManagerLimitPence: 50_000, reviewDueInDays: 30, receiptsDueInDays: 14 },
      dayFromToday(0),
    );
    expect(changed).toMatchObject({ settingsVersion: 3 });

    expect((await county.api.request(SW, county.kai(), county.budgetId, 10_000)).status).toBe("APPROVED");
    const above = await county.api.request(SW, county.kai(), county.budgetId, 10_001);
    expect(above).toMatchObject({
      status: "AWAITING_DECISION",
      rulesVersion: "children-in-care@1.0.0/settings-3",
      currentStep: { label: "Team manager" },
    });
    expect((await county.api.request(SW, county.kai(), county.budgetId, 50_000)).status).toBe("AWAITING_DECISION");
    expect((await county.api.request(SW, county.kai(), county.budgetId, 50_001)).violations[0].message).toBe(
      "The children-in-care budget funds up to £500.00 a request; £500.01 is over that.",
    );
    const small = await county.api.request(SW, county.kai(), county.budgetId, 2_000);
    expect(small.reviewDueOn).toBe(dayFromToday(30));
    expect(
      (await county.api.issueCash("finance@children-in-care.example", small.id, 2_000, "Imogen Farrant")).receiptsDueOn,
    ).toBe(dayFromToday(14));

    expect((await county.database.db.decision.findUniqueOrThrow({ where: { id: first.id } })).rulesVersion).toBe(
      "children-in-care@1.0.0/settings-1",
    );
  });

  it("a team manager's limit below the social worker's is refused, field by field, and nothing is saved", async () => {
    const before = await county.database.db.schemeSettings.count();
    const result = await county.api.scheme(ADMIN, "configurePlugin", {
      selfSignOffLimitPence: 30_000,
      teamManagerLimitPence: 20_000,
    });
    expect(result.issues).toEqual([
      {
        path: "settings.teamManagerLimitPence",
        message: "The team manager's limit must be at least the social worker's own limit",
      },
    ]);
    expect(await county.database.db.schemeSettings.count()).toBe(before);
  });

  it("only the authority's administrator may change them", async () => {
    expect(await county.api.scheme(SW, "configurePlugin", {})).toMatchObject({ code: "NOT_AUTHORISED" });
  });
});
