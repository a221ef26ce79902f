// A purchase world whose child has a name unlike anything else in the data, so a test can
// search logs, traces and e-mails for it.
import type { Database } from "../../src/db/prisma-client.ts";
import { seedPurchaseWorld } from "../purchases/support/purchase-world.ts";

export const CHILD_GIVEN_NAME = "Zephyrine";
export const CHILD_FAMILY_NAME = "Quillfeather";
export const CASE_REFERENCE = "ALPHA-0042";

export async function seedWorldWithNamedChild(db: Database) {
  const world = await seedPurchaseWorld(db);
  const link = await db.caseChild.findFirstOrThrow({ where: { caseId: world.caseId } });
  await db.child.update({
    where: { id: link.childId },
    data: { givenName: CHILD_GIVEN_NAME, familyName: CHILD_FAMILY_NAME },
  });
  await db.case.update({ where: { id: world.caseId }, data: { reference: CASE_REFERENCE } });
  return world;
}
