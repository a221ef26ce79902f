// Two invented authorities with staff in the roles that matter to cases. Every name is made up.
import { hashPassword } from "../../../src/auth/password-hashing.ts";
import type { Database } from "../../../src/db/prisma-client.ts";
import { type DemoAuthority, seedAuthority } from "../../../src/seed/demo-people.ts";

export const PASSWORD = "correct horse battery staple";

const alpha: DemoAuthority = {
  name: "Alphaton",
  code: "alpha",
  areas: ["North", "South"],
  staff: [
    {
      email: "lp@alpha.test",
      name: "Nadia Kowalski",
      jobTitle: "Health visitor",
      roles: [{ role: "LEAD_PROFESSIONAL", area: "North" }],
    },
    {
      email: "lp2@alpha.test",
      name: "Rhys Bello",
      jobTitle: "Teacher",
      roles: [{ role: "LEAD_PROFESSIONAL", area: "North" }],
    },
    {
      email: "lp-south@alpha.test",
      name: "Imogen Shah",
      jobTitle: "Family support worker",
      roles: [{ role: "LEAD_PROFESSIONAL", area: "South" }],
    },
    {
      email: "approver@alpha.test",
      name: "Tariq Evans",
      jobTitle: "Locality co-ordinator",
      roles: [{ role: "APPROVER", area: "North" }],
    },
    {
      email: "approver-south@alpha.test",
      name: "Megan O'Brien",
      jobTitle: "Locality co-ordinator",
      roles: [{ role: "APPROVER", area: "South" }],
    },
    {
      email: "finance@alpha.test",
      name: "Callum Adebayo",
      jobTitle: "Finance officer",
      roles: [{ role: "FINANCE_OFFICER" }],
    },
    {
      email: "admin@alpha.test",
      name: "Priti Fraser",
      jobTitle: "Service administrator",
      roles: [{ role: "AUTHORITY_ADMIN" }],
    },
  ],
};

const beta: DemoAuthority = {
  name: "Betaford",
  code: "beta",
  areas: ["North", "South"],
  staff: [
    {
      email: "lp@beta.test",
      name: "Owen Nakamura",
      jobTitle: "Social worker",
      roles: [{ role: "LEAD_PROFESSIONAL", area: "North" }],
    },
    {
      email: "admin@beta.test",
      name: "Sian Okafor",
      jobTitle: "Service administrator",
      roles: [{ role: "AUTHORITY_ADMIN" }],
    },
  ],
};

/** Seeds Alphaton (code "alpha", references "ALP-…") and Betaford, and returns ids by name. */
export async function seedCaseWorld(db: Database) {
  const passwordHash = await hashPassword(PASSWORD);
  const a = await seedAuthority(db, alpha, passwordHash);
  const b = await seedAuthority(db, beta, passwordHash);
  const pick = (map: Map<string, string>, key: string) => {
    const id = map.get(key);
    if (!id) throw new Error(`Test world: no ${key}`);
    return id;
  };
  return {
    alpha: {
      authorityId: a.authorityId,
      area: (name: string) => pick(a.areas, name),
      staff: (email: string) => pick(a.staff, email),
    },
    beta: {
      authorityId: b.authorityId,
      area: (name: string) => pick(b.areas, name),
      staff: (email: string) => pick(b.staff, email),
    },
  };
}

export type CaseWorld = Awaited<ReturnType<typeof seedCaseWorld>>;

/** How many rows each case table holds: to show that a refused mutation wrote nothing. */
export async function rowCounts(db: Database) {
  const [children, households, cases, caseChildren, assessments, meetings, unmetNeeds, auditEvents] = await Promise.all(
    [
      db.child.count(),
      db.household.count(),
      db.case.count(),
      db.caseChild.count(),
      db.assessment.count(),
      db.teamMeeting.count(),
      db.unmetNeed.count(),
      db.auditEvent.count(),
    ],
  );
  return { children, households, cases, caseChildren, assessments, meetings, unmetNeeds, auditEvents };
}
