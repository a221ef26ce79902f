// Settings are versioned: a new version takes effect from its date, never before, and every
// decision records the settings version its request was submitted under.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SETTINGS } from "../src/demo-settings.ts";
import {
  ADMIN,
  type ConfigurableWorld,
  configurableWorld,
  dayFromToday,
  LP,
  PANEL,
  reconfigure,
} from "./configurable-world.ts";

let world: ConfigurableWorld;
let signedOffUnderV1: string;
let waitingUnderV1: string;

beforeAll(async () => {
  world = await configurableWorld();
});
afterAll(() => world.database.drop());

const ask = (pence: number) =>
  world.api.request(LP, {
    caseId: world.poppyCase,
    budgetId: world.larkhavenBudget,
    pence,
    supplierId: world.supplierId,
  });
/** The demo's tiers with self sign-off lowered to £50.00. */
const LOWER_SELF_SIGN_OFF = {
  approvalTiers: [{ upToPence: 5_000, approval: "self" }, ...DEMO_SETTINGS.approvalTiers.slice(1)],
};
const guidance = async () => (await world.api.query(LP, "{ configurableGuidance }")).data?.configurableGuidance;
const recorded = async (id: string) =>
  (
    await world.api.query(
      LP,
      `query ($id: ID!) { node(id: $id) { ... on PurchaseRequest { rulesVersion decisions { rulesVersion } } } }`,
      { id },
    )
  ).data?.node;

describe("before any change", () => {
  it("the demo's rules in words, from its settings", async () => {
    const result = await world.api.query(LP, "{ configurableGuidance configurableLabels }");
    expect(result.data?.configurableGuidance).toEqual([
      "Up to £100.00 you sign off yourself",
      "Between £100.01 and £500.00: the Locality panel chair",
      "Between £500.01 and £1,500.00: the Locality panel chair, then the Head of service",
      "Over £1,500.00: not funded by this scheme",
      "At most £1,500.00 a request",
      "At most £2,000.00 in total for one case",
      "At most £2,500.00 per child in the budget's period",
      "For children aged 0 to 17 on the day of the request",
      "Not for looked-after children",
      "Not for children eligible for direct payments",
      "Choose at least one Every Child Matters outcome",
      "Paid by an order from a supplier, or cash up to £200.00 (receipts and change back within 14 days)",
      "Outcome review after approval: 42 days up to £100.00; 91 days above £100.00",
      "Areas: Larkhaven Central, Thorncombe, Saltmarsh Vale",
    ]);
    expect(result.data?.configurableLabels).toEqual({
      APPROVER: "Locality panel chair",
      BUDGET_MANAGER: "Head of service",
    });
  });

  it("requests go by settings version 1", async () => {
    const signedOff = await ask(6_000);
    expect(signedOff).toMatchObject({ status: "APPROVED", rulesVersion: "configurable@1.0.0/settings-1" });
    signedOffUnderV1 = signedOff.id;
    const waiting = await ask(20_000);
    expect(waiting).toMatchObject({ status: "AWAITING_DECISION", rulesVersion: "configurable@1.0.0/settings-1" });
    waitingUnderV1 = waiting.id;
  });
});

describe("a change from tomorrow", () => {
  it("is saved as version 2 but changes nothing today", async () => {
    expect(await reconfigure(world, LOWER_SELF_SIGN_OFF, dayFromToday(1))).toBe(2);
    const schemes = await world.api.query(ADMIN, "{ schemes { settingsVersion } }");
    expect(schemes.data?.schemes).toEqual([{ settingsVersion: 1 }]);
    expect((await guidance())?.[0]).toBe("Up to £100.00 you sign off yourself");
    expect(await ask(6_000)).toMatchObject({ status: "APPROVED", rulesVersion: "configurable@1.0.0/settings-1" });
  });
});

describe("a change from yesterday", () => {
  it("is in force at once, as version 3: over £50.00 now goes to the locality panel chair", async () => {
    expect(await reconfigure(world, LOWER_SELF_SIGN_OFF, dayFromToday(-1))).toBe(3);
    expect((await guidance())?.slice(0, 2)).toEqual([
      "Up to £50.00 you sign off yourself",
      "Between £50.01 and £500.00: the Locality panel chair",
    ]);
    expect(await ask(5_000)).toMatchObject({ status: "APPROVED", rulesVersion: "configurable@1.0.0/settings-3" });
    const waiting = await ask(5_001);
    expect(waiting).toMatchObject({
      status: "AWAITING_DECISION",
      rulesVersion: "configurable@1.0.0/settings-3",
      currentStep: { label: "Locality panel chair" },
    });
    await world.api.withdraw(LP, waiting.id);
  });

  it("decisions already made keep version 1; a request submitted under version 1 is decided under it", async () => {
    expect(await recorded(signedOffUnderV1)).toEqual({
      rulesVersion: "configurable@1.0.0/settings-1",
      decisions: [{ rulesVersion: "configurable@1.0.0/settings-1" }],
    });
    const approved = await world.api.decide(PANEL, waitingUnderV1);
    expect(approved.status).toBe("APPROVED");
    expect(approved.decisions).toEqual([expect.objectContaining({ rulesVersion: "configurable@1.0.0/settings-1" })]);
    expect(await recorded(waitingUnderV1)).toMatchObject({
      rulesVersion: "configurable@1.0.0/settings-1",
    });
  });
});
