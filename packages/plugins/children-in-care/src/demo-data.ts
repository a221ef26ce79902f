import { type Database, type DemoSeedHelpers, financialYear, seedAuthority, seedFundedBudget } from "@pathfinder/core";

// An invented county running the children-in-care pilot: every person here is made up.

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Math.floor(Date.now() / DAY - n) * DAY);

const staff = [
  ["sw@children-in-care.example", "Imogen Farrant", "Social worker", "LEAD_PROFESSIONAL", "Harrowmere North"],
  ["sw-south@children-in-care.example", "Kwame Ashdown", "Social worker", "LEAD_PROFESSIONAL", "Harrowmere South"],
  ["tm@children-in-care.example", "Bethan Oduya", "Team manager", "APPROVER", "Harrowmere North"],
  ["tm-south@children-in-care.example", "Lewis Carrow", "Team manager", "APPROVER", "Harrowmere South"],
  ["budgets@children-in-care.example", "Priya Halloran", "Budget manager", "BUDGET_MANAGER", null],
  ["finance@children-in-care.example", "Mared Quill", "Finance officer", "FINANCE_OFFICER", null],
  ["admin@children-in-care.example", "Oscar Lindqvist", "Service administrator", "AUTHORITY_ADMIN", null],
] as const;

/** Cases: the children (looked after or not), the area, the social worker and the assessment's needs. */
const cases = [
  {
    reference: "CIC-0001",
    area: "Harrowmere North",
    lead: "sw@children-in-care.example",
    children: [{ givenName: "Kai", familyName: "Thornbury", dateOfBirth: "2011-02-17", lookedAfter: true }],
    needs: ["Therapeutic support after a placement move", "Keeping up at school"],
  },
  {
    // Siblings, only one of them in care: the budget is refused for their joint case.
    reference: "CIC-0002",
    area: "Harrowmere North",
    lead: "sw@children-in-care.example",
    children: [
      { givenName: "Rosa", familyName: "Penvale", dateOfBirth: "2013-08-03", lookedAfter: true },
      { givenName: "Leo", familyName: "Penvale", dateOfBirth: "2016-05-21", lookedAfter: false },
    ],
    needs: ["Keeping in touch with each other"],
  },
  {
    reference: "CIC-0003",
    area: "Harrowmere South",
    lead: "sw-south@children-in-care.example",
    children: [{ givenName: "Jade", familyName: "Holloway", dateOfBirth: "2012-11-09", lookedAfter: false }],
    needs: ["A child in need: help at home"],
  },
  {
    reference: "CIC-0004",
    area: "Harrowmere South",
    lead: "sw-south@children-in-care.example",
    children: [{ givenName: "Amani", familyName: "Okoro", dateOfBirth: "2009-04-30", lookedAfter: true }],
    needs: ["Driving lessons before leaving care", "A laptop for college"],
  },
];

/** A demo county running the children-in-care scheme, with one authority-wide budget for the year. */
export async function seedChildrenInCareDemo(db: Database, { enable }: DemoSeedHelpers): Promise<void> {
  const seeded = await seedAuthority(db, {
    name: "Harrowmere County Council (demo)",
    code: "harrowmere",
    areas: ["Harrowmere North", "Harrowmere South"],
    staff: staff.map(([email, name, jobTitle, role, area]) => ({
      email,
      name,
      jobTitle,
      roles: [area ? { role, area } : { role }],
    })),
  });
  const { authorityId } = seeded;
  await enable(authorityId);
  await seedFundedBudget(db, {
    authorityId,
    areaId: null,
    scheme: "children-in-care",
    name: `Children in care ${financialYear().label}`,
    allocation: 4000000,
    note: "Children-in-care pilot allocation",
  });

  for (const demo of cases) {
    const lead = seeded.staff.get(demo.lead) as string;
    const children = [];
    for (const child of demo.children)
      children.push(
        await db.child.create({ data: { authorityId, ...child, dateOfBirth: new Date(child.dateOfBirth) } }),
      );
    const theCase = await db.case.create({
      data: {
        authorityId,
        areaId: seeded.areas.get(demo.area) as string,
        leadProfessionalId: lead,
        reference: demo.reference,
        children: { create: children.map((child) => ({ childId: child.id })) },
      },
    });
    // A looked-after child's care plan is the specialist assessment the purchase is judged against.
    await db.assessment.create({
      data: {
        authorityId,
        caseId: theCase.id,
        kind: "SPECIALIST",
        completedOn: daysAgo(30),
        priorityNeeds: demo.needs,
        recordedById: lead,
      },
    });
  }
}
