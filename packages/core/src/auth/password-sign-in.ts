import type { Database } from "../db/prisma-client.ts";
import type { StaffUserId } from "../domain/ids.ts";
import { passwordMatches, unknownUserHash } from "./password-hashing.ts";
import { type IssuedSession, issueSession } from "./sessions.ts";

/**
 * Checks an e-mail address and password and issues a session. Returns null for an unknown
 * address, a wrong password or a deactivated account alike, so the answer does not tell an
 * attacker which of the three it was.
 */
export async function signInWithPassword(db: Database, email: string, password: string): Promise<IssuedSession | null> {
  const user = await db.staffUser.findUnique({ where: { email: email.trim().toLowerCase() } });
  const matches = await passwordMatches(user?.passwordHash ?? unknownUserHash, password);
  if (!user?.passwordHash || !matches || !user.active) return null;
  return issueSession(db, user.id as StaffUserId, "password");
}
