import { recordAudit } from "../audit/audit-log.ts";
import type { Database } from "../db/prisma-client.ts";
import type { AreaId, AuthorityId, StaffUserId } from "../domain/ids.ts";
import type { Viewer } from "../permissions/viewer.ts";
import { todayInLondon } from "./calendar.ts";
import { nextCaseReference } from "./case-reference.ts";

// Demo cases: every child, family and professional here is invented.

interface SeededAuthority {
  authorityId: string;
  areas: Map<string, string>;
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A calendar day `n` days before today in London, so demo dates are always in the past. */
function daysAgo(n: number): Date {
  const date = day(todayInLondon());
  date.setUTCDate(date.getUTCDate() - n);
  return date;
}

const households = [
  {
    name: "The Okonkwo-Hughes family",
    children: [
      { givenName: "Chidi", familyName: "Okonkwo-Hughes", dateOfBirth: day("2016-03-14") },
      { givenName: "Ffion", familyName: "Okonkwo-Hughes", dateOfBirth: day("2019-09-02"), disabled: true },
      { givenName: "Isla", familyName: "Okonkwo-Hughes", dateOfBirth: day("2023-01-20") },
    ],
  },
  {
    name: "The Rahman family",
    children: [
      { givenName: "Aisha", familyName: "Rahman", dateOfBirth: day("2010-05-17"), lookedAfter: true },
      { givenName: "Yusuf", familyName: "Rahman", dateOfBirth: day("2013-11-30") },
      { givenName: "Maryam", familyName: "Rahman", dateOfBirth: day("2018-07-08") },
    ],
  },
];

/** The cases: which children (by given name), which area (by position), and how far along. */
const cases = [
  {
    children: ["Ffion", "Isla"],
    area: 0,
    openedDaysAgo: 40,
    plan: "Weekly portage visits for Ffion; a nursery place for Isla so that their mother can attend her college course.",
    needs: ["Ffion's sleep and safety at night", "Childcare while mother studies", "Getting to hospital appointments"],
  },
  {
    children: ["Chidi"],
    area: 0,
    openedDaysAgo: 150,
    plan: "School-based mentoring and a place at the Saturday football club.",
    needs: ["Attendance at school", "Positive activities at weekends"],
    closed: "The plan's outcomes were met: Chidi's attendance is above 95% and he plays for the club every week.",
  },
  {
    children: ["Aisha"],
    area: 1,
    openedDaysAgo: 25,
    plan: "Counselling sessions and a bus pass for travel to her new college.",
    needs: ["Emotional wellbeing after a placement move", "Travel to college"],
  },
  {
    children: ["Yusuf", "Maryam"],
    area: 2,
    openedDaysAgo: 10,
    plan: "",
    needs: ["A bed of his own for Yusuf", "Swimming lessons for Maryam"],
  },
];

/**
 * Seeds invented children, households and cases with CAF assessments into a demo authority,
 * led by its first lead professional, with the audit events their timelines show.
 */
export async function seedDemoCases(db: Database, authority: SeededAuthority): Promise<void> {
  const { authorityId } = authority;
  const areaIds = [...authority.areas.values()];
  const lead = await db.staffUser.findFirstOrThrow({
    where: { authorityId, roleAssignments: { some: { role: "LEAD_PROFESSIONAL" } } },
    orderBy: { createdAt: "asc" },
  });
  const { code } = await db.authority.findUniqueOrThrow({ where: { id: authorityId } });
  const viewer: Viewer = {
    id: lead.id as StaffUserId,
    authorityId: authorityId as AuthorityId,
    name: lead.name,
    email: lead.email,
    roles: [{ role: "LEAD_PROFESSIONAL", areaId: null as AreaId | null }],
    cover: [],
  };

  const childIds = new Map<string, string>();
  for (const household of households) {
    const { id: householdId } = await db.household.create({ data: { authorityId, name: household.name } });
    for (const child of household.children) {
      const created = await db.child.create({ data: { authorityId, householdId, ...child } });
      childIds.set(child.givenName, created.id);
    }
  }

  for (const demo of cases) {
    const areaId = areaIds[demo.area % areaIds.length] as string;
    const openedAt = daysAgo(demo.openedDaysAgo);
    await db.$transaction(async (tx) => {
      const reference = await nextCaseReference(tx, authorityId, code, openedAt.getUTCFullYear());
      const theCase = await tx.case.create({
        data: { authorityId, areaId, leadProfessionalId: lead.id, reference, plan: demo.plan, openedAt },
      });
      await tx.caseChild.createMany({
        data: demo.children.map((name) => ({ authorityId, caseId: theCase.id, childId: childIds.get(name) as string })),
      });
      await recordAudit(tx, viewer, {
        action: "case.open",
        entityType: "Case",
        entityId: theCase.id,
        caseId: theCase.id,
        summary: `Opened case ${reference}`,
      });
      const assessment = await tx.assessment.create({
        data: {
          authorityId,
          caseId: theCase.id,
          kind: "CAF",
          completedOn: daysAgo(demo.openedDaysAgo + 7),
          priorityNeeds: demo.needs,
          recordedById: lead.id,
        },
      });
      await recordAudit(tx, viewer, {
        action: "assessment.record",
        entityType: "Assessment",
        entityId: assessment.id,
        caseId: theCase.id,
        summary: `Recorded a CAF assessment with ${demo.needs.length} priority needs`,
      });
      if (demo.closed) {
        await tx.case.update({
          where: { id: theCase.id },
          data: { status: "CLOSED", closedAt: daysAgo(5), closureReason: demo.closed },
        });
        await recordAudit(tx, viewer, {
          action: "case.close",
          entityType: "Case",
          entityId: theCase.id,
          caseId: theCase.id,
          summary: `Closed case ${reference}: ${demo.closed}`,
        });
      }
    });
  }
}
