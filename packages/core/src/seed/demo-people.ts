import { hashPassword } from "../auth/password-hashing.ts";
import type { Database } from "../db/prisma-client.ts";
import type { Role } from "../generated/prisma/enums.ts";

/** Every demo account signs in with this password. Demo data only: all people are invented. */
export const DEMO_PASSWORD = "pathfinder-demo";

interface DemoStaff {
  email: string;
  name: string;
  jobTitle: string;
  roles: { role: Role; area?: string }[];
}

export interface DemoAuthority {
  name: string;
  code: string;
  areas: string[];
  staff: DemoStaff[];
}

/** A made-up authority used by core's demo data; each scheme plugin seeds its own as well. */
export const demoBorough: DemoAuthority = {
  name: "Kingsbridge Vale Borough Council",
  code: "kingsbridge-vale",
  areas: ["Northgate", "Riverside", "Southfields"],
  staff: [
    {
      email: "lp@kingsbridge.example",
      name: "Priya Lawson",
      jobTitle: "Health visitor",
      roles: [{ role: "LEAD_PROFESSIONAL", area: "Northgate" }],
    },
    {
      email: "approver@kingsbridge.example",
      name: "Tomasz Reid",
      jobTitle: "Locality co-ordinator",
      roles: [{ role: "APPROVER", area: "Northgate" }],
    },
    {
      email: "approver-riverside@kingsbridge.example",
      name: "Nia Fairweather",
      jobTitle: "Locality co-ordinator",
      roles: [{ role: "APPROVER", area: "Riverside" }],
    },
    {
      email: "approver-southfields@kingsbridge.example",
      name: "Rhys Adeyemi",
      jobTitle: "Locality co-ordinator",
      roles: [{ role: "APPROVER", area: "Southfields" }],
    },
    {
      email: "budgets@kingsbridge.example",
      name: "Hannah Okafor",
      jobTitle: "Budget manager",
      roles: [{ role: "BUDGET_MANAGER" }],
    },
    {
      email: "finance@kingsbridge.example",
      name: "Dev Marsh",
      jobTitle: "Finance officer",
      roles: [{ role: "FINANCE_OFFICER" }],
    },
    {
      email: "admin@kingsbridge.example",
      name: "Alys Penrose",
      jobTitle: "Service administrator",
      roles: [{ role: "AUTHORITY_ADMIN" }],
    },
    {
      email: "overseer@kingsbridge.example",
      name: "Graham Tully",
      jobTitle: "Steering group chair",
      roles: [{ role: "OVERSEER" }],
    },
    {
      email: "platform@pathfinder.example",
      name: "Sam Ridley",
      jobTitle: "Platform administrator",
      roles: [{ role: "PLATFORM_ADMIN" }],
    },
  ],
};

/** Creates an authority with its areas and staff; returns ids by area name and e-mail. */
export async function seedAuthority(db: Database, demo: DemoAuthority, passwordHash?: string) {
  const hash = passwordHash ?? (await hashPassword(DEMO_PASSWORD));
  const authority = await db.authority.create({ data: { name: demo.name, code: demo.code } });
  const areas = new Map<string, string>();
  for (const name of demo.areas) {
    const area = await db.area.create({ data: { authorityId: authority.id, name } });
    areas.set(name, area.id);
  }
  const staff = new Map<string, string>();
  for (const person of demo.staff) {
    const user = await db.staffUser.create({
      data: {
        authorityId: authority.id,
        email: person.email,
        name: person.name,
        jobTitle: person.jobTitle,
        passwordHash: hash,
      },
    });
    staff.set(person.email, user.id);
    for (const { role, area } of person.roles) {
      const areaId = area ? areas.get(area) : null;
      if (area && !areaId) throw new Error(`Demo data: ${person.email} names unknown area ${area}`);
      await db.roleAssignment.create({ data: { authorityId: authority.id, staffUserId: user.id, role, areaId } });
    }
  }
  return { authorityId: authority.id, areas, staff };
}
