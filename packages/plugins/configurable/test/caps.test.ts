// The demo authority's caps: £1,500.00 a request (lowered to £1,200.00 here to test it apart
// from the tiers), £2,000.00 in total per case, £2,500.00 per child in the budget's period.
// Requests awaiting a decision count towards the running totals; withdrawn ones do not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bornOn,
  type ConfigurableWorld,
  configurableWorld,
  LP,
  openCaseFor,
  reconfigure,
} from "./configurable-world.ts";

let world: ConfigurableWorld;

beforeAll(async () => {
  world = await configurableWorld();
});
afterAll(() => world.database.drop());

const ask = (caseId: string, pence: number) =>
  world.api.request(LP, { caseId, budgetId: world.larkhavenBudget, pence, supplierId: world.supplierId });
const freshCase = () => openCaseFor(world, LP, { dateOfBirth: bornOn(7) });

describe("per request", () => {
  it("at most £1,200.00 when set below the last tier: £1,199.99 and £1,200.00 go ahead, £1,200.01 is refused", async () => {
    await reconfigure(world, { perRequestCapPence: 120_000 });
    for (const pence of [119_999, 120_000]) {
      const result = await ask((await freshCase()).caseId, pence);
      expect(result.status).toBe("AWAITING_DECISION");
      await world.api.withdraw(LP, result.id);
    }
    expect((await ask((await freshCase()).caseId, 120_001)).violations).toEqual([
      {
        code: "PER_REQUEST_CAP_EXCEEDED",
        field: "items",
        message: "This scheme funds at most £1,200.00 a request; this one is £1,200.01.",
      },
    ]);
    await reconfigure(world, {});
  });
});

describe("per case, cumulative", () => {
  it("£2,000.00 in total: up to the cap goes ahead, a penny over is refused with what is left", async () => {
    const { caseId } = await freshCase();
    const big = await ask(caseId, 150_000);
    expect(big.status).toBe("AWAITING_DECISION");
    expect((await ask(caseId, 49_999)).status).toBe("AWAITING_DECISION");
    // £1,999.99 so far: one more penny reaches the cap exactly.
    expect((await ask(caseId, 1)).status).toBe("APPROVED");
    const over = await ask(caseId, 1);
    expect(over.violations).toEqual([
      {
        code: "CUMULATIVE_CAP_EXCEEDED",
        field: "items",
        message:
          "The limit is £2,000.00 per case: £2,000.00 is already approved or awaiting a decision, so this request can be at most £0.00.",
      },
    ]);
    // Withdrawing the large request frees its room.
    await world.api.withdraw(LP, big.id);
    expect((await world.api.submit(LP, over.id)).status).toBe("APPROVED");
  });
});

describe("per child in the budget's period", () => {
  it("£2,500.00 across every case the child is on", async () => {
    const first = await freshCase();
    expect((await ask(first.caseId, 150_000)).status).toBe("AWAITING_DECISION");
    expect((await ask(first.caseId, 50_000)).status).toBe("AWAITING_DECISION");
    // A second case for the same child: its own case total is small, but the child's is not.
    const second = await openCaseFor(world, LP, { existingChildId: first.childId });
    expect((await ask(second.caseId, 49_999)).status).toBe("AWAITING_DECISION");
    expect((await ask(second.caseId, 1)).status).toBe("APPROVED");
    expect((await ask(second.caseId, 1)).violations).toEqual([
      {
        code: "CUMULATIVE_CAP_EXCEEDED",
        field: "items",
        message:
          "The limit is £2,500.00 per child in the budget's period: £2,500.00 is already approved or awaiting a decision, so this request can be at most £0.00.",
      },
    ]);
  });

  it("switched off (null), the child's total is no longer capped; the case cap still is", async () => {
    await reconfigure(world, { perChildCap: null });
    const first = await freshCase();
    expect((await ask(first.caseId, 150_000)).status).toBe("AWAITING_DECISION");
    expect((await ask(first.caseId, 50_000)).status).toBe("AWAITING_DECISION");
    const second = await openCaseFor(world, LP, { existingChildId: first.childId });
    expect((await ask(second.caseId, 100_000)).status).toBe("AWAITING_DECISION");
    expect((await ask(first.caseId, 1)).violations?.map((violation: { code: string }) => violation.code)).toEqual([
      "CUMULATIVE_CAP_EXCEEDED",
    ]);
  });
});
