import type { Database } from "../db/prisma-client.ts";
import type { StaffUserId } from "../domain/ids.ts";
import { hashSessionToken, newSessionToken } from "./session-tokens.ts";

export const SESSION_LIFETIME_MS = Number(process.env.SESSION_LIFETIME_HOURS ?? 12) * 3_600_000;

/** How someone proved who they are. OpenID Connect sign-in will issue sessions with "oidc". */
export type SignInMethod = "password" | "oidc";

export interface IssuedSession {
  token: string;
  expiresAt: Date;
}

/** Issues a session for a person whose identity has already been checked. */
export async function issueSession(
  db: Database,
  staffUserId: StaffUserId,
  method: SignInMethod,
): Promise<IssuedSession> {
  const token = newSessionToken();
  const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
  await db.session.create({ data: { staffUserId, tokenHash: hashSessionToken(token), method, expiresAt } });
  return { token, expiresAt };
}

const today = () => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
};

/** The active staff user behind a token, or null when it is unknown, expired or revoked. */
export async function findSessionUser(db: Database, token: string) {
  const session = await db.session.findUnique({
    where: { tokenHash: hashSessionToken(token) },
    include: {
      staffUser: {
        include: {
          roleAssignments: true,
          // Cover in force today comes with the session, in the same query.
          coverTaken: {
            where: { startsOn: { lte: today() }, endsOn: { gte: today() } },
            include: { delegator: { include: { roleAssignments: true } } },
          },
        },
      },
    },
  });
  if (!session || session.revokedAt || session.expiresAt <= new Date() || !session.staffUser.active) return null;
  return { sessionId: session.id, user: session.staffUser };
}

export async function revokeSession(db: Database, token: string): Promise<void> {
  await db.session.updateMany({
    where: { tokenHash: hashSessionToken(token), revokedAt: null },
    data: { revokedAt: new Date() },
  });
}
