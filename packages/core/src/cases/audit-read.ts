import { recordAudit } from "../audit/audit-log.ts";
import type { GraphQLContext } from "../graphql/context.ts";
import { auditReadsOf } from "../graphql/read-auditors.ts";

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
 * The same reads through relay's `node(id)` / `nodes(ids)` are logged by the auditors
 * registered below (see graphql/read-auditors.ts).
 */
export async function auditRead(context: GraphQLContext, entity: ReadEntity): Promise<void> {
  if (!context.viewer) return;
  await recordAudit(context.db, context.viewer, entity);
}

auditReadsOf("Case", (context, row) =>
  auditRead(context, {
    action: "case.read",
    entityType: "Case",
    entityId: row.id,
    caseId: row.id,
    summary: "Viewed a case record",
  }),
);
auditReadsOf("Child", (context, row) =>
  auditRead(context, {
    action: "child.read",
    entityType: "Child",
    entityId: row.id,
    caseId: null,
    summary: "Viewed a child's record",
  }),
);
