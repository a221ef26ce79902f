import { seedDemoCases } from "../cases/demo-cases.ts";
import type { Database } from "../db/prisma-client.ts";
import { seedDemoPurchases } from "../purchases/demo-purchases.ts";
import { StaticSchemeRegistry } from "../schemes/core-scheme.ts";
import { seedDemoSuppliers } from "../suppliers/demo-suppliers.ts";
import { demoBorough, seedAuthority } from "./demo-people.ts";

/** Fills an empty database with demo data; leaves a database that has any authority alone. */
export async function seedDemoData(db: Database): Promise<boolean> {
  if ((await db.authority.count()) > 0) return false;
  const borough = await seedAuthority(db, demoBorough);
  await seedDemoCases(db, borough);
  await seedDemoSuppliers(db, borough.authorityId);
  await seedDemoPurchases(db, borough.authorityId, new StaticSchemeRegistry(), "kingsbridge.example");
  return true;
}

export const demoSignIns = demoBorough.staff.map((person) => ({
  email: person.email,
  role: person.roles[0]?.role ?? "",
}));
