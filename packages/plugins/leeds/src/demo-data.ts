import { type Database, type DemoSeedHelpers, financialYear, seedAuthority, seedFundedBudget } from "@pathfinder/core";

// An invented city running Leeds' Early Intervention Fund: every person here is made up.

export const WEDGES = ["West", "North West", "North East", "East", "South"];
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Math.floor(Date.now() / DAY - n) * DAY);

const ipcs: [string, string, string][] = [
  ["ipc-west@leeds.example", "Gwen Illingworth", "West"],
  ["ipc-north-west@leeds.example", "Declan Royds", "North West"],
  ["ipc-north-east@leeds.example", "Esme Hardcastle", "North East"],
  ["ipc-east@leeds.example", "Jonah Pickersgill", "East"],
  ["ipc-south@leeds.example", "Farah Lindley", "South"],
];

const suppliers = [
  { name: "Aire Valley Credit Union", onSupplierList: true, preferred: true, invoicesCouncil: true },
  { name: "Kirkside Community Crèche", onSupplierList: true, preferred: true, invoicesCouncil: true },
  { name: "Wharfe ESOL Classes", onSupplierList: true, preferred: false, invoicesCouncil: true },
  // Not on the list, but able to invoice the Council, like the guidance's Citizens Advice example.
  { name: "Calder Advice Outreach", onSupplierList: false, preferred: false, invoicesCouncil: true },
  // A local shop: route B (cash) only.
  { name: "Bramley Corner Store", onSupplierList: false, preferred: false, invoicesCouncil: false },
];

const cases = [
  {
    reference: "LEE-0001",
    wedge: "West",
    lead: "lp@leeds.example",
    child: { givenName: "Tilly", familyName: "Brear", dateOfBirth: "2018-10-04" },
    needs: ["Getting to nursery", "Mother's English for appointments", "Safe sleeping"],
    unmet: [
      {
        category: "COUNSELLING_OR_TRADED_SERVICE",
        description: "Family therapy: no service in the wedge",
        estimatedCost: 60_000,
      },
    ],
  },
  {
    reference: "LEE-0002",
    wedge: "North East",
    lead: "assessor@leeds.example",
    child: { givenName: "Oskar", familyName: "Wade", dateOfBirth: "2012-01-22" },
    needs: ["Attendance at school", "Debt at home", "Out-of-school activities", "Sleep"],
    unmet: [{ category: "TRANSPORT", description: "No bus to the only youth club", estimatedCost: null }],
    // A case study under way (invented): the cost answer is left to Pathfinder to fill in.
    caseStudy: {
      situationBefore:
        "Oskar (14) was missing two days of school a week; the family owed money on the gas meter and he slept badly in a shared room.",
      needsIdentified: "Attendance at school; debt at home; out-of-school activities; sleep.",
      actionsTaken:
        "The learning mentor arranged Credit Union debt advice sessions for his mother and a place at the Saturday football club, paid from the fund.",
      howThingsChanged: "Attendance is up to four and a half days a week; the meter debt is on a repayment plan.",
      differenceBudgetMade: "The club place started within a week, where a referral would have taken a term.",
    },
  },
];

/** A demo city with five wedges, an IPC in each, a fund per wedge and two cases. */
export async function seedLeedsDemo(db: Database, { enable }: DemoSeedHelpers): Promise<void> {
  const seeded = await seedAuthority(db, {
    name: "Leeds Early Intervention Fund (demo)",
    code: "leeds-demo",
    areas: WEDGES,
    staff: [
      {
        email: "lp@leeds.example",
        name: "Harriet Ackroyd",
        jobTitle: "Health visitor",
        roles: [{ role: "LEAD_PROFESSIONAL", area: "West" }],
      },
      {
        email: "lp2@leeds.example",
        name: "Owain Metcalfe",
        jobTitle: "Family support worker",
        roles: [{ role: "LEAD_PROFESSIONAL", area: "West" }],
      },
      {
        email: "assessor@leeds.example",
        name: "Samir Bhatti",
        jobTitle: "Learning mentor (assessor)",
        roles: [{ role: "LEAD_PROFESSIONAL", area: "North East" }],
      },
      ...ipcs.map(([email, name, wedge]) => ({
        email,
        name,
        jobTitle: "Integrated Processes Coordinator",
        roles: [{ role: "APPROVER" as const, area: wedge }],
      })),
      {
        email: "finance@leeds.example",
        name: "Colin Sutcliffe",
        jobTitle: "Finance officer",
        roles: [{ role: "FINANCE_OFFICER" }],
      },
      {
        email: "budgets@leeds.example",
        name: "Maya Whitaker",
        jobTitle: "Budget manager",
        roles: [{ role: "BUDGET_MANAGER" }],
      },
      {
        email: "overseer@leeds.example",
        name: "Ada Holroyd",
        jobTitle: "Commissioning manager",
        roles: [{ role: "OVERSEER" }],
      },
      {
        email: "admin@leeds.example",
        name: "Ben Armitage",
        jobTitle: "Service administrator",
        roles: [{ role: "AUTHORITY_ADMIN" }],
      },
    ],
  });
  const { authorityId } = seeded;
  await enable(authorityId);
  for (const [wedge, areaId] of seeded.areas) {
    await seedFundedBudget(db, {
      authorityId,
      areaId,
      scheme: "leeds",
      name: `${wedge} wedge Early Intervention Fund ${financialYear().label}`,
      allocation: 2000000,
      note: "Wedge allocation for the year",
    });
  }
  for (const supplier of suppliers) await db.supplier.create({ data: { authorityId, ...supplier } });

  for (const demo of cases) {
    const lead = seeded.staff.get(demo.lead) as string;
    const child = await db.child.create({
      data: { authorityId, ...demo.child, dateOfBirth: new Date(demo.child.dateOfBirth) },
    });
    const theCase = await db.case.create({
      data: {
        authorityId,
        areaId: seeded.areas.get(demo.wedge) as string,
        leadProfessionalId: lead,
        reference: demo.reference,
        children: { create: { childId: child.id } },
      },
    });
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
    for (const need of demo.unmet)
      await db.unmetNeed.create({ data: { authorityId, caseId: theCase.id, recordedById: lead, ...need } as never });
    if ("caseStudy" in demo && demo.caseStudy)
      await db.leedsCaseStudy.create({
        data: { authorityId, caseId: theCase.id, recordedById: lead, costPrefilled: true, ...demo.caseStudy },
      });
  }
}
