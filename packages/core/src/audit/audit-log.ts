import type { DbClient } from "../db/transaction.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { Viewer } from "../permissions/viewer.ts";

export interface AuditEntry {
  /** What happened, as `entity.verb`: "case.open", "purchase.approve", "child.read". */
  action: string;
  entityType: string;
  entityId: string;
  /** The case this belongs to: the case's timeline is its audit events. */
  caseId?: string | null;
  /** One line a person can read in a timeline: "Opened case KV-0012 in Northgate". */
  summary: string;
  before?: unknown;
  after?: unknown;
}

const asJson = (value: unknown): Prisma.InputJsonValue | undefined =>
  value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);

/**
 * Appends to the audit log. Call it inside the same transaction as the change it records,
 * so a change can never land without its audit entry (the table itself is append-only).
 */
export async function recordAudit(db: DbClient, viewer: Viewer, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: {
      authorityId: viewer.authorityId,
      actorId: viewer.id,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      caseId: entry.caseId ?? null,
      summary: entry.summary,
      before: asJson(entry.before),
      after: asJson(entry.after),
    },
  });
}
