import { type Database, type DemoSeedHelpers, financialYear, seedAuthority, seedFundedBudget } from "@pathfinder/core";

/** Invented names for Devon's nine pathfinder areas, each around a secondary school. */
export const demoAreas = [
  "Axebridge",
  "Barnstaple Rise",
  "Culm Vale",
  "Dartside",
  "Exmoor Edge",
  "Holsworthy Cross",
  "Okehampton Moor",
  "Tamar Reach",
  "Torridge Bay",
];

/** A demo authority running Devon's scheme, with invented staff, budgets and cases. */
export async function seedDevonDemo(db: Database, { enable }: DemoSeedHelpers): Promise<void> {
  const seeded = await seedAuthority(db, {
    name: "Devon pathfinder (demo)",
    code: "devon-demo",
    areas: demoAreas,
    staff: [
      {
        email: "lp@devon.example",
        name: "Morwenna Pascoe",
        jobTitle: "School nurse",
        roles: [{ role: "LEAD_PROFESSIONAL", area: "Axebridge" }],
      },
      {
        email: "lp2@devon.example",
        name: "Jacob Tremayne",
        jobTitle: "Family support worker",
        roles: [{ role: "LEAD_PROFESSIONAL", area: "Dartside" }],
      },
      {
        email: "coordinator@devon.example",
        name: "Ifeoma Hardy",
        jobTitle: "Pathway co-ordinator",
        roles: [{ role: "APPROVER", area: "Axebridge" }],
      },
      {
        email: "coordinator-dartside@devon.example",
        name: "Keir Vosper",
        jobTitle: "Pathway co-ordinator",
        roles: [{ role: "APPROVER", area: "Dartside" }],
      },
      {
        email: "finance@devon.example",
        name: "Sadie Lugg",
        jobTitle: "Finance officer",
        roles: [{ role: "FINANCE_OFFICER" }],
      },
      {
        email: "budgets@devon.example",
        name: "Owen Penhale",
        jobTitle: "Budget manager",
        roles: [{ role: "BUDGET_MANAGER" }],
      },
      {
        email: "admin@devon.example",
        name: "Tamsin Rowe",
        jobTitle: "Service administrator",
        roles: [{ role: "AUTHORITY_ADMIN" }],
      },
    ],
  });
  const { authorityId } = seeded;
  await enable(authorityId, { areas: demoAreas });
  for (const [name, areaId] of seeded.areas) {
    await seedFundedBudget(db, {
      authorityId,
      areaId,
      scheme: "devon",
      name: `${name} pathfinder ${financialYear().label}`,
      allocation: 1500000,
      note: "Pathfinder allocation for the year",
    });
  }

  const lead = seeded.staff.get("lp@devon.example") as string;
  const child = await db.child.create({
    data: { authorityId, givenName: "Elowen", familyName: "Couch", dateOfBirth: new Date("2014-09-12") },
  });
  const theCase = await db.case.create({
    data: {
      authorityId,
      areaId: seeded.areas.get("Axebridge") as string,
      leadProfessionalId: lead,
      reference: "DEV-2026-0001",
      children: { create: { childId: child.id } },
    },
  });
  await db.assessment.create({
    data: {
      authorityId,
      caseId: theCase.id,
      kind: "CAF",
      completedOn: new Date(Date.now() - 20 * 86_400_000),
      priorityNeeds: ["Belonging at school", "Confidence"],
      recordedById: lead,
    },
  });
}
