import { type Database, type DemoSeedHelpers, financialYear, seedAuthority, seedFundedBudget } from "@pathfinder/core";
import { DEMO_AREAS, DEMO_SETTINGS } from "./demo-settings.ts";

// An invented authority that runs the configurable scheme purely from settings. Every person,
// child and place here is made up.

const DAY = 86_400_000;
const daysAgo = (days: number) =>
  new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()) - days * DAY);
/** Born `years` years and a few months ago, so ages in the demo stay the same whenever it is seeded. */
const bornYearsAgo = (years: number) => daysAgo(Math.round(years * 365.25) + 100);

const staff = [
  {
    email: "lp@configurable.example",
    name: "Bethan Okorie",
    jobTitle: "Health visitor",
    roles: [{ role: "LEAD_PROFESSIONAL" as const, area: "Larkhaven Central" }],
  },
  {
    email: "lp2@configurable.example",
    name: "Callum Ferris-Nwosu",
    jobTitle: "Family support worker",
    roles: [{ role: "LEAD_PROFESSIONAL" as const, area: "Thorncombe" }],
  },
  {
    email: "panel@configurable.example",
    name: "Marguerite Idowu",
    jobTitle: "Locality panel chair",
    roles: [{ role: "APPROVER" as const, area: "Larkhaven Central" }],
  },
  {
    email: "panel-thorncombe@configurable.example",
    name: "Dafydd Ashworth",
    jobTitle: "Locality panel chair",
    roles: [{ role: "APPROVER" as const, area: "Thorncombe" }],
  },
  {
    email: "panel-saltmarsh@configurable.example",
    name: "Zainab Corrigan",
    jobTitle: "Locality panel chair",
    roles: [{ role: "APPROVER" as const, area: "Saltmarsh Vale" }],
  },
  {
    email: "head@configurable.example",
    name: "Ingrid Halloran",
    jobTitle: "Head of service",
    roles: [{ role: "BUDGET_MANAGER" as const }],
  },
  {
    email: "finance@configurable.example",
    name: "Tobias Renshaw",
    jobTitle: "Finance officer",
    roles: [{ role: "FINANCE_OFFICER" as const }],
  },
  {
    email: "admin@configurable.example",
    name: "Perpetua Lind",
    jobTitle: "Service administrator",
    roles: [{ role: "AUTHORITY_ADMIN" as const }],
  },
  {
    email: "overseer@configurable.example",
    name: "Gideon Marr",
    jobTitle: "Steering group chair",
    roles: [{ role: "OVERSEER" as const }],
  },
];

/** Demo cases, each with a CAF: a young family, and a looked-after teenager the exclusion catches. */
const cases = [
  {
    reference: "LAR-DEMO-1",
    area: "Larkhaven Central",
    lead: "lp@configurable.example",
    needs: ["Safe sleeping for Arlo", "Nursery place for Poppy"],
    children: [
      { givenName: "Poppy", familyName: "Whitlock", years: 4 },
      { givenName: "Arlo", familyName: "Whitlock", years: 1 },
    ],
  },
  {
    reference: "LAR-DEMO-2",
    area: "Larkhaven Central",
    lead: "lp@configurable.example",
    needs: ["Travel to college", "Emotional wellbeing"],
    children: [{ givenName: "Kit", familyName: "Harrowgate", years: 15, lookedAfter: true }],
  },
  {
    reference: "LAR-DEMO-3",
    area: "Thorncombe",
    lead: "lp2@configurable.example",
    needs: ["Confidence", "Positive activities at weekends"],
    children: [{ givenName: "Sienna", familyName: "Brookfield", years: 9 }],
  },
];

export async function seedConfigurableDemo(db: Database, { enable }: DemoSeedHelpers): Promise<void> {
  const seeded = await seedAuthority(db, {
    name: "Larkhaven & Thorncombe Vale Council (demo)",
    code: "larkhaven-thorncombe",
    areas: DEMO_AREAS,
    staff,
  });
  const { authorityId } = seeded;
  await enable(authorityId, DEMO_SETTINGS);

  // One budget per area for the current financial year, funded through the ledger.
  for (const [name, areaId] of seeded.areas) {
    await seedFundedBudget(db, {
      authorityId,
      areaId,
      scheme: "configurable",
      name: `${name} family support fund ${financialYear().label}`,
      allocation: 2000000,
      note: "Allocation for the year",
    });
  }

  // A supplier that invoices the council, so requests can take the supplier-order route.
  await db.supplier.create({
    data: {
      authorityId,
      name: "Saltmarsh Home & Nursery Supplies",
      onSupplierList: true,
      preferred: true,
      invoicesCouncil: true,
    },
  });

  for (const demo of cases) {
    const lead = seeded.staff.get(demo.lead) as string;
    const theCase = await db.case.create({
      data: {
        authorityId,
        areaId: seeded.areas.get(demo.area) as string,
        leadProfessionalId: lead,
        reference: demo.reference,
      },
    });
    for (const { years, ...child } of demo.children) {
      const created = await db.child.create({ data: { authorityId, ...child, dateOfBirth: bornYearsAgo(years) } });
      await db.caseChild.create({ data: { authorityId, caseId: theCase.id, childId: created.id } });
    }
    await db.assessment.create({
      data: {
        authorityId,
        caseId: theCase.id,
        kind: "CAF",
        completedOn: daysAgo(21),
        priorityNeeds: demo.needs,
        recordedById: lead,
      },
    });
  }
}
