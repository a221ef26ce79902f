import type { Database } from "../db/prisma-client.ts";
import type { DbClient } from "../db/transaction.ts";
import type { AuthorityId, StaffUserId } from "../domain/ids.ts";
import { hashSessionToken, newSessionToken } from "./session-tokens.ts";

export const SESSION_LIFETIME_MS = Number(process.env.SESSION_LIFETIME_HOURS ?? 12) * 3_600_000;

/** How someone proved who they are. OpenID Connect sign-in will issue sessions with "oidc". */
export type SignInMethod = "password" | "oidc";

export interface IssuedSession {
  token: string;
  expiresAt: Date;
}

/** Who a session is for: the person and their authority, which the session row carries too. */
export interface SessionHolder {
  staffUserId: StaffUserId;
  authorityId: AuthorityId;
}

/** Issues a session for a person whose identity has already been checked. */
export async function issueSession(db: DbClient, holder: SessionHolder, method: SignInMethod): Promise<IssuedSession> {
  const token = newSessionToken();
  const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
  await db.session.create({ data: { ...holder, tokenHash: hashSessionToken(token), method, expiresAt } });
  return { token, expiresAt };
}

const today = () => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
};

/**
 * The active staff user behind a token, or null when it is unknown, expired or revoked. Sets
 * the transaction's authority to that user's: the token is the only thing that may name it.
 * `db` must be a transaction (row-level security keys on the authority set in it).
 */
export async function findSessionUser(db: DbClient, token: string) {
  // Before the authority is known nothing tenant-owned is visible; this function (migration
  // 0010) answers only "whose live session is this?". The same statement sets the
  // transaction's authority (as setAuthority does) when there is a live session: one round
  // trip fewer on every request. No session, no row, and the authority stays unset.
  const [owner] = await db.$queryRaw<{ staff_user_id: string; authority_id: string }[]>`
    SELECT staff_user_id, authority_id, set_config('app.authority_id', authority_id::text, true) AS scope
    FROM session_staff_user(${hashSessionToken(token)})`;
  if (!owner) return null;
  const user = await db.staffUser.findUnique({
    where: { id: owner.staff_user_id },
    include: {
      roleAssignments: true,
      // Cover in force today comes with the user, in the same query.
      coverTaken: {
        where: { startsOn: { lte: today() }, endsOn: { gte: today() } },
        include: { delegator: { include: { roleAssignments: true } } },
      },
    },
  });
  return user ? { user } : null;
}

export async function revokeSession(db: Database, token: string): Promise<void> {
  await db.session.updateMany({
    where: { tokenHash: hashSessionToken(token), revokedAt: null },
    data: { revokedAt: new Date() },
  });
}
