import { withAuthority } from "../db/authority-scope.ts";
import type { Database } from "../db/prisma-client.ts";
import type { AuthorityId } from "../domain/ids.ts";

export interface ChainProblem {
  sequence: string;
  id: string;
  problem: "changed" | "broken-link" | "unsealed";
}

export interface ChainVerdict {
  authorityId: AuthorityId;
  entries: number;
  /** The last entry's hash: record it elsewhere to detect the tail being cut off later. */
  head: string | null;
  problems: ChainProblem[];
}

interface ChainRow {
  id: string;
  sequence: bigint;
  prev_hash: string | null;
  hash: string | null;
  recomputed: string;
}

/**
 * Walks one authority's audit chain in order (migration 0011) and reports every entry whose
 * content no longer matches its hash ("changed"), or whose stored predecessor is not the entry
 * before it ("broken-link": one was deleted, inserted or moved), or that was never sealed.
 * The hashes are recomputed by the database's own audit_event_hash, so there is one definition.
 */
export async function verifyAuditChain(db: Database, authorityId: AuthorityId): Promise<ChainVerdict> {
  const rows = await withAuthority(
    db,
    authorityId,
    (tx) => tx.$queryRaw<ChainRow[]>`
      SELECT e.id, e.sequence, e.prev_hash, e.hash, audit_event_hash(e) AS recomputed
      FROM audit_event e WHERE e.authority_id = ${authorityId}::uuid ORDER BY e.sequence`,
  );
  const problems: ChainProblem[] = [];
  let previous: string | null = null;
  for (const row of rows) {
    const at = { sequence: String(row.sequence), id: row.id };
    if (row.hash === null) problems.push({ ...at, problem: "unsealed" });
    else if (row.recomputed !== row.hash) problems.push({ ...at, problem: "changed" });
    if (row.prev_hash !== previous) problems.push({ ...at, problem: "broken-link" });
    previous = row.hash;
  }
  return { authorityId, entries: rows.length, head: previous, problems };
}

/** Every authority's chain. */
export async function verifyAllAuditChains(db: Database): Promise<ChainVerdict[]> {
  const authorities = await db.authority.findMany({ select: { id: true }, orderBy: { code: "asc" } });
  const verdicts: ChainVerdict[] = [];
  for (const { id } of authorities) verdicts.push(await verifyAuditChain(db, id as AuthorityId));
  return verdicts;
}
