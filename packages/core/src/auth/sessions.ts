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

export async function revokeSession(db: Database, token: string): Promise<void> {
  await db.session.updateMany({
    where: { tokenHash: hashSessionToken(token), revokedAt: null },
    data: { revokedAt: new Date() },
  });
}
