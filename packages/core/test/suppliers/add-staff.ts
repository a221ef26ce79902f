import { hashPassword } from "../../src/auth/password-hashing.ts";
import type { Database } from "../../src/db/prisma-client.ts";
import type { Role } from "../../src/generated/prisma/enums.ts";
import { TEST_PASSWORD } from "../support/two-authorities.ts";

/** One more invented member of staff with one authority-wide role, signing in with TEST_PASSWORD. */
export async function addStaff(db: Database, authorityId: string, email: string, role: Role): Promise<string> {
  const user = await db.staffUser.create({
    data: { authorityId, email, name: `Test ${role.toLowerCase()}`, passwordHash: await hashPassword(TEST_PASSWORD) },
  });
  await db.roleAssignment.create({ data: { authorityId, staffUserId: user.id, role } });
  return user.id;
}
