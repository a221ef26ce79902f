import type { DbClient } from "../db/transaction.ts";
import { Prisma } from "../generated/prisma/client.ts";
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

const asJson = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/** The INSERT of one audit entry, for `writeTogether` (db/write-together.ts) or on its own. */
export function auditEntryInsert(viewer: Viewer, entry: AuditEntry): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO audit_event (authority_id, actor_id, action, entity_type, entity_id, case_id, summary, before, after, at)
    VALUES (${viewer.authorityId}::uuid, ${viewer.id}::uuid, ${entry.action}, ${entry.entityType},
            ${entry.entityId}::uuid, ${entry.caseId ?? null}::uuid, ${entry.summary}, ${asJson(entry.before)}::jsonb,
            ${asJson(entry.after)}::jsonb, ${new Date()}::timestamptz)`;
}

/**
 * Appends to the audit log. Call it inside the same transaction as the change it records,
 * so a change can never land without its audit entry (the table itself is append-only).
 */
export async function recordAudit(db: DbClient, viewer: Viewer, entry: AuditEntry): Promise<void> {
  await db.$executeRaw(auditEntryInsert(viewer, entry));
}
