import type { Database } from "../db/prisma-client.ts";

/** Invented local suppliers for the demo authority: the kinds of thing BHLP budgets buy. */
export const demoSuppliers = [
  { name: "Valeside Buses", onSupplierList: true, preferred: true, invoicesCouncil: true },
  { name: "Little Acorns Day Nursery", onSupplierList: true, preferred: true, invoicesCouncil: true },
  { name: "Open Door Counselling", onSupplierList: true, preferred: false, invoicesCouncil: true },
  { name: "Second Home Furniture (charity shop)", onSupplierList: false, preferred: true, invoicesCouncil: false },
  { name: "Kingsbridge School Outfitters", onSupplierList: true, preferred: false, invoicesCouncil: true },
  { name: "Riverside Leisure Centre", onSupplierList: true, preferred: false, invoicesCouncil: true },
  { name: "Northgate Baby & Toddler Store", onSupplierList: false, preferred: false, invoicesCouncil: false },
  { name: "Southfields Music Tuition", onSupplierList: false, preferred: false, invoicesCouncil: true },
];

/** Adds the demo suppliers to an authority; running it twice adds nothing more. */
export async function seedDemoSuppliers(db: Database, authorityId: string): Promise<void> {
  await db.supplier.createMany({
    data: demoSuppliers.map((supplier) => ({ authorityId, ...supplier })),
    skipDuplicates: true,
  });
}
