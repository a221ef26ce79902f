import { recordAudit } from "../audit/audit-log.ts";
import type { GraphQLContext } from "../graphql/context.ts";

export interface ReadEntity {
  action: "case.read" | "child.read";
  entityType: "Case" | "Child";
  entityId: string;
  caseId: string | null;
  summary: string;
}

/**
 * Records that the viewer opened one case's or one child's record. Awaited before the record
 * is returned, so if the audit write fails the read fails too: nobody sees a record unlogged.
 *
 * Only single-record views count as reads (`case(id)`, `child(id)`). Lists (`cases`, a case's
 * children) are not: they would write one event per row, and what a list shows is what the
 * viewer picks a record from.
 *
 * Known gap: a Case or Child fetched through relay's generic `node(id)` / `nodes(ids)` is not
 * logged. The prismaNode `findUnique` hook is also used for Pothos' internal re-fetches (which
 * would log reads nobody made), so the right place is the relay plugin's `nodeQueryOptions` /
 * `nodesQueryOptions` resolve hooks in graphql/builder.ts. Until then, clients read single
 * records through `case(id)` and `child(id)`.
 */
export async function auditRead(context: GraphQLContext, entity: ReadEntity): Promise<void> {
  if (!context.viewer) return;
  await recordAudit(context.db, context.viewer, entity);
}
