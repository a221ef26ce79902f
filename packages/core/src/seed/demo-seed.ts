import { seedDemoCases } from "../cases/demo-cases.ts";
import type { Database } from "../db/prisma-client.ts";
import type { SchemePlugin } from "../plugins/plugin-contract.ts";
import { enableScheme } from "../plugins/scheme-admin.ts";
import { seedDemoPurchases } from "../purchases/demo-purchases.ts";
import { StaticSchemeRegistry } from "../schemes/core-scheme.ts";
import { viewerFromUser } from "../server/viewer-from-request.ts";
import { seedDemoSuppliers } from "../suppliers/demo-suppliers.ts";
import { demoBorough, seedAuthority } from "./demo-people.ts";

/**
 * Fills an empty database with demo data — core's own invented authority, then each plugin's
 * authority — and leaves a database that has any authority alone.
 */
export async function seedDemoData(db: Database, plugins: readonly SchemePlugin[] = []): Promise<boolean> {
  if ((await db.authority.count()) > 0) return false;
  const borough = await seedAuthority(db, demoBorough);
  await seedDemoCases(db, borough);
  await seedDemoSuppliers(db, borough.authorityId);
  await seedDemoPurchases(db, borough.authorityId, new StaticSchemeRegistry(), "kingsbridge.example");
  for (const plugin of plugins) {
    await plugin.seedDemo?.(db, {
      enable: async (authorityId, settings) => {
        const admin = await db.staffUser.findFirstOrThrow({
          where: { authorityId, roleAssignments: { some: { role: "AUTHORITY_ADMIN" } } },
          include: {
            roleAssignments: true,
            coverTaken: { where: { id: { in: [] } }, include: { delegator: { include: { roleAssignments: true } } } },
          },
        });
        await db.$transaction((tx) =>
          enableScheme(tx, viewerFromUser(admin), plugin, settings ?? {}, new Date("2000-01-01")),
        );
      },
    });
  }
  return true;
}
