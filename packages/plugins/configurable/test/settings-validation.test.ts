// An authority configures the scheme with data alone: settings are validated when it enables
// or reconfigures the scheme, every problem reported under `settings.…`, and nothing is saved.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SETTINGS } from "../src/demo-settings.ts";
import { ADMIN, type ConfigurableWorld, configurableWorld, LP } from "./configurable-world.ts";

let world: ConfigurableWorld;
const KINGSBRIDGE_ADMIN = "admin@kingsbridge.example";
const KINGSBRIDGE_LP = "lp@kingsbridge.example";

beforeAll(async () => {
  world = await configurableWorld();
});
afterAll(() => world.database.drop());

const schemeStatus = async (email: string) =>
  (await world.api.query(email, "{ schemes { id enabled settingsVersion } }")).data?.schemes;
const versions = () => world.db.schemeSettings.count({ where: { schemeId: "configurable" } });
const tiers = (...list: unknown[]) => ({ approvalTiers: list });
const panel = { role: "APPROVER", scope: "case-area", label: "Locality panel chair" };

describe("enabling the scheme with bad settings", () => {
  it("refuses tiers that do not rise, naming the tier, and enables nothing", async () => {
    const before = await versions();
    const result = await world.api.configure(
      KINGSBRIDGE_ADMIN,
      "enablePlugin",
      tiers({ upToPence: 10_000, approval: "self" }, { upToPence: 10_000, steps: [panel] }),
    );
    expect(result.__typename).toBe("ValidationError");
    expect(result.issues).toEqual([
      {
        path: "settings.approvalTiers.1.upToPence",
        message: "Tiers must rise: tier 2 ends at £100.00, which is not above tier 1's £100.00",
      },
    ]);
    expect(await schemeStatus(KINGSBRIDGE_ADMIN)).toEqual([
      { id: "configurable", enabled: false, settingsVersion: null },
    ]);
    expect(await versions()).toBe(before);
  });

  it("refuses an empty list of tiers", async () => {
    const result = await world.api.configure(KINGSBRIDGE_ADMIN, "enablePlugin", tiers());
    expect(result.issues).toEqual([
      {
        path: "settings.approvalTiers",
        message: "Add at least one approval tier: requests above the last tier are refused",
      },
    ]);
  });

  it("refuses a tier with neither self sign-off nor steps, a step without a label or with a role that cannot decide", async () => {
    const result = await world.api.configure(
      KINGSBRIDGE_ADMIN,
      "enablePlugin",
      tiers(
        { upToPence: 10_000, steps: [{ role: "LEAD_PROFESSIONAL", label: " " }] },
        { upToPence: 50_000 },
        { upToPence: 90_000, approval: "self", steps: [panel] },
      ),
    );
    expect(result.issues).toEqual(
      expect.arrayContaining([
        {
          path: "settings.approvalTiers.0.steps.0.role",
          message: "A step's role is APPROVER, BUDGET_MANAGER, FINANCE_OFFICER or OVERSEER",
        },
        {
          path: "settings.approvalTiers.0.steps.0.label",
          message: 'Name each step as the portal shows it, e.g. "Locality panel chair"',
        },
        {
          path: "settings.approvalTiers.1.steps",
          message: 'Give this tier at least one approval step, or approval: "self"',
        },
        {
          path: "settings.approvalTiers.2.steps",
          message: 'A tier is either signed off by the lead professional (approval: "self") or has steps, not both',
        },
      ]),
    );
  });

  it("refuses self sign-off above a tier that needs an approver", async () => {
    const result = await world.api.configure(
      KINGSBRIDGE_ADMIN,
      "enablePlugin",
      tiers({ upToPence: 10_000, steps: [panel] }, { upToPence: 20_000, approval: "self" }),
    );
    expect(result.issues).toEqual([
      {
        path: "settings.approvalTiers.1.approval",
        message: "Only the first tier can let the lead professional sign off alone",
      },
    ]);
  });

  it("refuses ages the wrong way round, a misspelt flag, no routes, falling review bands, amounts in pounds", async () => {
    const result = await world.api.configure(KINGSBRIDGE_ADMIN, "enablePlugin", {
      minAge: 12,
      maxAge: 5,
      excludeLookedAfer: true,
      allowedRoutes: [],
      perRequestCapPence: 99.5,
      reviewDueInDays: [
        { upToPence: 50_000, days: 30 },
        { upToPence: 10_000, days: 60 },
      ],
    });
    expect(result.issues).toEqual(
      expect.arrayContaining([
        { path: "settings", message: "Unknown setting excludeLookedAfer: check the spelling" },
        { path: "settings.allowedRoutes", message: "Allow at least one route: SUPPLIER_ORDER or CASH" },
        { path: "settings.perRequestCapPence", message: "Amounts are whole pence, e.g. 10000 for £100.00" },
        {
          path: "settings.reviewDueInDays.1.upToPence",
          message: "Review bands must rise: band 2 ends at £100.00, which is not above band 1's £500.00",
        },
      ]),
    );
    // The age check needs the rest to parse first, so it is reported once the others are fixed.
    const ages = await world.api.configure(KINGSBRIDGE_ADMIN, "enablePlugin", { minAge: 12, maxAge: 5 });
    expect(ages.issues).toEqual([
      { path: "settings.maxAge", message: "The maximum age (5) must be at least the minimum age (12)" },
    ]);
    expect(await schemeStatus(KINGSBRIDGE_ADMIN)).toEqual([
      { id: "configurable", enabled: false, settingsVersion: null },
    ]);
  });

  it("before enabling, the guidance query refuses Kingsbridge", async () => {
    const result = await world.api.query(KINGSBRIDGE_LP, "{ configurableGuidance }");
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.message).toBe('Your authority does not run the "configurable" scheme.');
  });
});

describe("enabling with good settings", () => {
  it("saves version 1 with defaults applied, and the guidance answers with Kingsbridge's own rules", async () => {
    const result = await world.api.configure(
      KINGSBRIDGE_ADMIN,
      "enablePlugin",
      tiers(
        { upToPence: 5_000, approval: "self" },
        { upToPence: 80_000, steps: [{ role: "APPROVER", label: "Locality co-ordinator" }] },
      ),
    );
    expect(result).toMatchObject({ enabled: true, settingsVersion: 1 });
    expect(result.settings).toMatchObject({ maxAge: 19, perRequestCapPence: 100_000, receiptsDueInDays: 28 });
    expect(result.settings.approvalTiers[1].steps[0].scope).toBe("case-area");
    const guidance = await world.api.query(KINGSBRIDGE_LP, "{ configurableGuidance configurableLabels }");
    expect(guidance.data?.configurableGuidance.slice(0, 3)).toEqual([
      "Up to £50.00 you sign off yourself",
      "Between £50.01 and £800.00: the Locality co-ordinator",
      "Over £800.00: not funded by this scheme",
    ]);
    expect(guidance.data?.configurableLabels).toEqual({ APPROVER: "Locality co-ordinator" });
  });
});

describe("reconfiguring the demo authority", () => {
  it("refuses bad tiers with the issues and keeps the version in force", async () => {
    const before = await versions();
    const result = await world.api.configure(ADMIN, "configurePlugin", {
      ...DEMO_SETTINGS,
      approvalTiers: [
        { upToPence: 50_000, approval: "self" },
        { upToPence: 20_000, steps: [panel] },
      ],
    });
    expect(result.issues).toEqual([
      {
        path: "settings.approvalTiers.1.upToPence",
        message: "Tiers must rise: tier 2 ends at £200.00, which is not above tier 1's £500.00",
      },
    ]);
    expect(await versions()).toBe(before);
    expect(await schemeStatus(ADMIN)).toEqual([{ id: "configurable", enabled: true, settingsVersion: 1 }]);
  });

  it("only the administrator may change the settings", async () => {
    expect(await world.api.configure(LP, "configurePlugin", DEMO_SETTINGS)).toMatchObject({ code: "NOT_AUTHORISED" });
  });
});
