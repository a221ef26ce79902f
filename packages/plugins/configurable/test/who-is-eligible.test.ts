// Which children the scheme is for, as the demo authority set it: ages 0 to 17 on the day of
// the request (every child on the case), and looked-after children and those eligible for
// direct payments excluded. Each exclusion is switched on and off through configurePlugin.
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

/** £10.00 from the case's lead professional: within self sign-off, so only eligibility can stop it. */
const ask = (caseId: string) =>
  world.api.request(LP, { caseId, budgetId: world.larkhavenBudget, pence: 1_000, supplierId: world.supplierId });
const codes = (result: { violations?: { code: string }[] }) =>
  result.violations?.map((violation) => violation.code) ?? [];

describe("ages 0 to 17 on the day of the request", () => {
  it("17 today, the 18th birthday tomorrow: eligible", async () => {
    const { caseId } = await openCaseFor(world, LP, { dateOfBirth: bornOn(18, 1) });
    expect((await ask(caseId)).status).toBe("APPROVED");
  });

  it("turned 17 today: eligible", async () => {
    const { caseId } = await openCaseFor(world, LP, { dateOfBirth: bornOn(17) });
    expect((await ask(caseId)).status).toBe("APPROVED");
  });

  it("18 today: refused, saying how old the child is", async () => {
    const { caseId } = await openCaseFor(world, LP, { dateOfBirth: bornOn(18) });
    const result = await ask(caseId);
    expect(result.violations).toEqual([
      {
        code: "CHILD_TOO_OLD",
        field: "caseId",
        message: "This scheme is for children aged 0 to 17; a child on this case is 18 today.",
      },
    ]);
  });

  it("a minimum age of 5: 4 with the birthday tomorrow is refused, 5 today is eligible", async () => {
    await reconfigure(world, { minAge: 5 });
    const four = await openCaseFor(world, LP, { dateOfBirth: bornOn(5, 1) });
    expect((await ask(four.caseId)).violations).toEqual([
      {
        code: "CHILD_TOO_YOUNG",
        field: "caseId",
        message: "This scheme is for children aged 5 to 17; a child on this case is 4 today.",
      },
    ]);
    const five = await openCaseFor(world, LP, { dateOfBirth: bornOn(5) });
    expect((await ask(five.caseId)).status).toBe("APPROVED");
    // Poppy's case has Arlo, aged 1: one child under age is enough to refuse.
    expect(codes(await ask(world.poppyCase))).toEqual(["CHILD_TOO_YOUNG"]);
    await reconfigure(world, { minAge: 0 });
    expect((await ask(world.poppyCase)).status).toBe("APPROVED");
  });
});

describe("exclusions", () => {
  it("looked-after children, excluded in the demo: refused with what to do instead", async () => {
    expect((await ask(world.kitCase)).violations).toEqual([
      {
        code: "LOOKED_AFTER_EXCLUDED",
        field: "caseId",
        message:
          "A child on this case is looked after by the authority, and this scheme does not fund looked-after children: ask the child's social worker about the budget for children in care.",
      },
    ]);
  });

  it("children eligible for direct payments, excluded in the demo: refused", async () => {
    const { caseId } = await openCaseFor(world, LP, { dateOfBirth: bornOn(8), eligibleForDirectPayments: true });
    expect((await ask(caseId)).violations).toEqual([
      {
        code: "DIRECT_PAYMENTS_EXCLUDED",
        field: "caseId",
        message:
          "A child on this case is eligible for direct payments, and this scheme does not fund them: meet the need through the family's direct payments.",
      },
    ]);
  });

  it("disabled children, not excluded in the demo: eligible", async () => {
    const { caseId } = await openCaseFor(world, LP, { dateOfBirth: bornOn(8), disabled: true });
    expect((await ask(caseId)).status).toBe("APPROVED");
  });

  it("switched the other way round: disabled children refused, looked-after and direct-payment children eligible", async () => {
    await reconfigure(world, {
      excludeLookedAfter: false,
      excludeDirectPaymentsEligible: false,
      excludeDisabled: true,
    });
    const disabled = await openCaseFor(world, LP, { dateOfBirth: bornOn(8), disabled: true });
    expect((await ask(disabled.caseId)).violations).toEqual([
      {
        code: "DISABLED_EXCLUDED",
        field: "caseId",
        message:
          "A child on this case is disabled, and this scheme does not fund disabled children: ask the disabled children's service.",
      },
    ]);
    expect((await ask(world.kitCase)).status).toBe("APPROVED");
    const directPayments = await openCaseFor(world, LP, { dateOfBirth: bornOn(8), eligibleForDirectPayments: true });
    expect((await ask(directPayments.caseId)).status).toBe("APPROVED");
  });

  it("every broken rule at once: a looked-after child of 18 eligible for direct payments", async () => {
    await reconfigure(world, {});
    const { caseId } = await openCaseFor(world, LP, {
      dateOfBirth: bornOn(18),
      lookedAfter: true,
      eligibleForDirectPayments: true,
    });
    expect(codes(await ask(caseId))).toEqual(["CHILD_TOO_OLD", "LOOKED_AFTER_EXCLUDED", "DIRECT_PAYMENTS_EXCLUDED"]);
  });
});
