import { setAuthority } from "../db/authority-scope.ts";
import type { DbClient } from "../db/transaction.ts";
import type { AuthorityId, StaffUserId } from "../domain/ids.ts";
import { passwordMatches, unknownUserHash } from "./password-hashing.ts";
import { type IssuedSession, issueSession } from "./sessions.ts";

interface SignInAccount {
  staff_user_id: string;
  authority_id: string;
  password_hash: string | null;
  active: boolean;
}

/**
 * Checks an e-mail address and password and issues a session. Returns null for an unknown
 * address, a wrong password or a deactivated account alike, so the answer does not tell an
 * attacker which of the three it was. `db` must be a transaction: once the password is right,
 * the transaction's authority becomes the account's, so the session row can be written.
 */
export async function signInWithPassword(db: DbClient, email: string, password: string): Promise<IssuedSession | null> {
  // No authority is known before sign-in, so staff rows are invisible; this function
  // (migration 0010) looks up exactly one account by its exact e-mail address.
  const [account] = await db.$queryRaw<SignInAccount[]>`
    SELECT staff_user_id, authority_id, password_hash, active FROM sign_in_account(${email.trim().toLowerCase()})`;
  const matches = await passwordMatches(account?.password_hash ?? unknownUserHash, password);
  if (!account?.password_hash || !matches || !account.active) return null;
  const holder = {
    staffUserId: account.staff_user_id as StaffUserId,
    authorityId: account.authority_id as AuthorityId,
  };
  await setAuthority(db, holder.authorityId);
  return issueSession(db, holder, "password");
}
