// Demo data: an invented authority running Derbyshire's pilot. Every person here is invented.
import { type Database, type DemoSeedHelpers, financialYear, seedAuthority, seedFundedBudget } from "@pathfinder/core";

/** The report's four pilot areas. */
export const DERBYSHIRE_AREAS = [
  "Glossop",
  "Cotmanhay and Ilkeston Central",
  "North Eastern Derbyshire",
  "Swadlincote",
];

/** The report states no budget figure: £20,000 per area is invented for the demo. */
const DEMO_ALLOCATION = 2_000_000;

const advisors: [string, string, string][] = [
  ["advisor-glossop@derbyshire.example", "Marcus Hadfield", "Glossop"],
  ["advisor-ilkeston@derbyshire.example", "Yasmin Kirkwood", "Cotmanhay and Ilkeston Central"],
  ["advisor-ned@derbyshire.example", "Eleanor Dronfield", "North Eastern Derbyshire"],
  ["advisor-swadlincote@derbyshire.example", "Dominic Gresley", "Swadlincote"],
];

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
const yearsAgo = (years: number, days = 0) => {
  const date = daysAgo(days);
  date.setUTCFullYear(date.getUTCFullYear() - years);
  return new Date(date.toISOString().slice(0, 10));
};

export async function seedDerbyshireDemo(db: Database, { enable }: DemoSeedHelpers): Promise<void> {
  const { authorityId, areas, staff } = await seedAuthority(db, {
    name: "Derbyshire BHLP pilot (demo)",
    code: "derbyshire-demo",
    areas: DERBYSHIRE_AREAS,
    staff: [
      {
        email: "lp@derbyshire.example",
        name: "Shauna Charlesworth",
        jobTitle: "Housing support worker",
        roles: [{ role: "LEAD_PROFESSIONAL", area: "Glossop" }],
      },
      {
        email: "lp-swadlincote@derbyshire.example",
        name: "Owain Castleton",
        jobTitle: "Learning mentor",
        roles: [{ role: "LEAD_PROFESSIONAL", area: "Swadlincote" }],
      },
      ...advisors.map(([email, name, area]) => ({
        email,
        name,
        jobTitle: "Decision advisor",
        roles: [{ role: "APPROVER" as const, area }],
      })),
      {
        email: "steering-glossop@derbyshire.example",
        name: "Patricia Tintwistle",
        jobTitle: "Steering group member",
        roles: [{ role: "OVERSEER", area: "Glossop" }],
      },
      {
        email: "steering-swadlincote@derbyshire.example",
        name: "Rajesh Woodville",
        jobTitle: "Steering group member",
        roles: [{ role: "OVERSEER", area: "Swadlincote" }],
      },
      {
        email: "finance@derbyshire.example",
        name: "Gwen Matlock",
        jobTitle: "Finance officer",
        roles: [{ role: "FINANCE_OFFICER" }],
      },
      {
        email: "budgets@derbyshire.example",
        name: "Neville Ashbourne",
        jobTitle: "Budget manager",
        roles: [{ role: "BUDGET_MANAGER" }],
      },
      {
        email: "admin@derbyshire.example",
        name: "Carys Belper",
        jobTitle: "Service administrator",
        roles: [{ role: "AUTHORITY_ADMIN" }],
      },
    ],
  });
  await enable(authorityId);
  for (const [name, areaId] of areas) {
    await seedFundedBudget(db, {
      authorityId,
      areaId,
      scheme: "derbyshire",
      name: `${name} BHLP pilot ${financialYear().label}`,
      allocation: DEMO_ALLOCATION,
      note: "Pilot allocation for the area",
    });
  }

  const openCase = async (
    lead: string,
    area: string,
    reference: string,
    children: {
      givenName: string;
      familyName: string;
      dateOfBirth: Date;
      lookedAfter?: boolean;
      disabled?: boolean;
      eligibleForDirectPayments?: boolean;
    }[],
    needs: string[],
  ) => {
    const leadId = staff.get(lead) as string;
    const created = [];
    for (const child of children) created.push(await db.child.create({ data: { authorityId, ...child } }));
    const theCase = await db.case.create({
      data: {
        authorityId,
        areaId: areas.get(area) as string,
        leadProfessionalId: leadId,
        reference,
        children: { create: created.map((child) => ({ childId: child.id })) },
      },
    });
    await db.assessment.create({
      data: {
        authorityId,
        caseId: theCase.id,
        kind: "CAF",
        completedOn: daysAgo(21),
        priorityNeeds: needs,
        recordedById: leadId,
      },
    });
    await db.teamMeeting.create({
      data: {
        authorityId,
        caseId: theCase.id,
        heldOn: daysAgo(7),
        attendees: ["The family", "The lead practitioner"],
        notes: "Agreed what to buy with the family.",
      },
    });
  };
  // The report's case study, with invented names: a young mother's two small children after domestic abuse.
  await openCase(
    "lp@derbyshire.example",
    "Glossop",
    "DBY-0001",
    [
      { givenName: "Reece", familyName: "Padfield", dateOfBirth: yearsAgo(2) },
      { givenName: "Lily", familyName: "Padfield", dateOfBirth: yearsAgo(1, 245) },
    ],
    [
      "Increased independence",
      "Access to community support",
      "Access to education or training",
      "Eldest child to sleep in his own room",
    ],
  );
  await openCase(
    "lp-swadlincote@derbyshire.example",
    "Swadlincote",
    "DBY-0002",
    [{ givenName: "Kyle", familyName: "Measham", dateOfBirth: yearsAgo(15, 40) }],
    ["Positive activities at weekends", "Work-wear for job interviews"],
  );
  // Excluded at the start of the pilot: a disabled child whom direct payments can support.
  await openCase(
    "lp@derbyshire.example",
    "Glossop",
    "DBY-0003",
    [
      {
        givenName: "Niamh",
        familyName: "Hollingworth",
        dateOfBirth: yearsAgo(9, 100),
        disabled: true,
        eligibleForDirectPayments: true,
      },
    ],
    ["Short breaks for the family"],
  );
}
