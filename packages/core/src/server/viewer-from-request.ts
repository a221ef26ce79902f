import { hashSessionToken } from "../auth/session-tokens.ts";
import type { DbClient } from "../db/transaction.ts";
import type { AreaId, AuthorityId, StaffUserId } from "../domain/ids.ts";
import type { Viewer, ViewerRole } from "../permissions/viewer.ts";

type Assignment = { role: ViewerRole["role"]; areaId: string | null };

const rolesOf = (assignments: Assignment[]): ViewerRole[] =>
  assignments.map((assignment) => ({ role: assignment.role, areaId: assignment.areaId as AreaId | null }));

/** A staff user row with its role assignments and the cover it takes today. */
interface StaffUserWithRoles {
  id: string;
  authorityId: string;
  name: string;
  email: string;
  roleAssignments: Assignment[];
  coverTaken: { delegator: { id: string; name: string; active: boolean; roleAssignments: Assignment[] } }[];
}

/** One scheme the viewer's authority runs, with the settings version in force today (if any). */
export interface EnabledSchemeRow {
  schemeId: string;
  settingsId: string | null;
  settings: unknown;
}

/** Who is asking, and the schemes their authority runs: what every request starts from. */
export interface RequestStart {
  viewer: Viewer;
  schemes: EnabledSchemeRow[];
}

interface BeginRequestRow {
  staff_user_id: string;
  authority_id: string;
  name: string;
  email: string;
  roles: Assignment[];
  cover: { id: string; name: string; roles: Assignment[] }[];
  schemes: EnabledSchemeRow[];
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * The signed-in viewer and their authority's schemes, with the transaction's authority set to
 * theirs, in one statement (`begin_request`, migration 0095). `db` must be a transaction.
 *
 * The token's hash is written into the statement rather than sent as a parameter: a statement
 * without parameters goes by the simple query protocol, which lets the transaction's `BEGIN`
 * travel in the same message (db/begin-with-first-statement.ts). It is safe to inline because it
 * is our own SHA-256 hex digest, checked to be exactly that before it is used.
 */
export async function startRequest(db: DbClient, token: string | null): Promise<RequestStart | null> {
  if (!token) return null;
  const hash = hashSessionToken(token);
  if (!SHA256_HEX.test(hash)) throw new Error("A session token hash is not a SHA-256 hex digest.");
  const [row] = await db.$queryRawUnsafe<BeginRequestRow[]>(`SELECT * FROM begin_request('${hash}')`);
  if (!row) return null;
  const viewer: Viewer = {
    id: row.staff_user_id as StaffUserId,
    authorityId: row.authority_id as AuthorityId,
    name: row.name,
    email: row.email,
    roles: rolesOf(row.roles),
    cover: row.cover.map((colleague) => ({
      id: colleague.id as StaffUserId,
      name: colleague.name,
      roles: rolesOf(colleague.roles),
    })),
  };
  return { viewer, schemes: row.schemes };
}

/** The signed-in viewer, with the transaction's authority set to theirs (see startRequest). */
export async function viewerFromSessionToken(db: DbClient, token: string | null): Promise<Viewer | null> {
  return (await startRequest(db, token))?.viewer ?? null;
}

/** The viewer a staff user row (with role assignments and today's cover) stands for. */
export function viewerFromUser(user: StaffUserWithRoles): Viewer {
  return {
    id: user.id as StaffUserId,
    authorityId: user.authorityId as AuthorityId,
    name: user.name,
    email: user.email,
    roles: rolesOf(user.roleAssignments),
    cover: user.coverTaken
      .filter((delegation) => delegation.delegator.active)
      .map((delegation) => ({
        id: delegation.delegator.id as StaffUserId,
        name: delegation.delegator.name,
        roles: rolesOf(delegation.delegator.roleAssignments),
      })),
  };
}
