import type { Database } from "../db/prisma-client.ts";
import { seedDemoSuppliers } from "../suppliers/demo-suppliers.ts";
import { demoBorough, seedAuthority } from "./demo-people.ts";

/** Fills an empty database with demo data; leaves a database that has any authority alone. */
export async function seedDemoData(db: Database): Promise<boolean> {
  if ((await db.authority.count()) > 0) return false;
  const borough = await seedAuthority(db, demoBorough);
  await seedDemoSuppliers(db, borough.authorityId);
  return true;
}

export const demoSignIns = demoBorough.staff.map((person) => ({
  email: person.email,
  role: person.roles[0]?.role ?? "",
}));
