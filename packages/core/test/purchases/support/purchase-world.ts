// An invented authority with everything a purchase request needs: areas, staff in every
// role, a budget with money in it, an open case with a child and a CAF assessment, suppliers.
import { hashPassword } from "../../../src/auth/password-hashing.ts";
import type { Database } from "../../../src/db/prisma-client.ts";
import type { AuthorityId, StaffUserId } from "../../../src/domain/ids.ts";
import type { Role } from "../../../src/generated/prisma/enums.ts";
import type { Viewer } from "../../../src/permissions/viewer.ts";
import { type DemoAuthority, seedAuthority } from "../../../src/seed/demo-people.ts";
import { inventedStaff, PASSWORD } from "../../support/invented-staff.ts";

export { globalId, PASSWORD } from "../../support/invented-staff.ts";

const people = (code: string, name: string): DemoAuthority => ({
  name,
  code,
  areas: ["North", "South"],
  staff: inventedStaff(code, ["lp", "lp2", "approver", "approver-south", "dual", "budgets", "finance"]),
});

export async function seedPurchaseWorld(db: Database, code = "alpha", options: { allocation?: number } = {}) {
  const seeded = await seedAuthority(
    db,
    people(code, code === "alpha" ? "Alphaton" : "Betaford"),
    await hashPassword(PASSWORD),
  );
  const authorityId = seeded.authorityId;
  const north = seeded.areas.get("North") as string;
  const staff = (who: string) => seeded.staff.get(`${who}@${code}.test`) as string;

  const budget = await db.budget.create({
    data: {
      authorityId,
      areaId: north,
      name: "North fund 2026-27",
      periodStart: new Date("2026-04-01"),
      periodEnd: new Date("2027-03-31"),
      holderRole: "APPROVER",
    },
  });
  await db.$executeRaw`INSERT INTO ledger_entry (authority_id, budget_id, kind, amount, note)
    VALUES (${authorityId}::uuid, ${budget.id}::uuid, 'ALLOCATION', ${options.allocation ?? 100_000}, 'Initial allocation')`;

  const openCase = async (lead: string, givenName: string) => {
    const child = await db.child.create({
      data: { authorityId, givenName, familyName: "Example", dateOfBirth: new Date("2019-06-01") },
    });
    const theCase = await db.case.create({
      data: {
        authorityId,
        areaId: north,
        leadProfessionalId: staff(lead),
        reference: `${code.toUpperCase()}-${givenName}`,
        children: { create: { childId: child.id } },
      },
    });
    await db.assessment.create({
      data: {
        authorityId,
        caseId: theCase.id,
        kind: "CAF",
        completedOn: new Date("2026-05-01"),
        priorityNeeds: ["Safe sleeping"],
        recordedById: staff(lead),
      },
    });
    return theCase.id;
  };
  const caseId = await openCase("lp", "Mia");
  const dualCaseId = await openCase("dual", "Noah");
  const supplier = await db.supplier.create({
    data: { authorityId, name: "Northgate Nursery Supplies", onSupplierList: true, invoicesCouncil: true },
  });
  return {
    authorityId,
    areas: seeded.areas,
    staff,
    budgetId: budget.id,
    caseId,
    dualCaseId,
    supplierId: supplier.id,
    code,
  };
}

export type PurchaseWorld = Awaited<ReturnType<typeof seedPurchaseWorld>>;

/** `who` of the world as a viewer with one authority-wide role: for calling services directly. */
export function viewerOf(world: PurchaseWorld, who: string, role: Role): Viewer {
  return {
    id: world.staff(who) as StaffUserId,
    authorityId: world.authorityId as AuthorityId,
    name: who,
    email: `${who}@${world.code}.test`,
    roles: [{ role, areaId: null }],
    cover: [],
  };
}
