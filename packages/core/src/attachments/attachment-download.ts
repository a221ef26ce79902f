import { recordAudit } from "../audit/audit-log.ts";
import { sessionTokenFrom } from "../auth/request-credentials.ts";
import type { Database } from "../db/prisma-client.ts";
import type { DbClient } from "../db/transaction.ts";
import type { AuthorityId } from "../domain/ids.ts";
import { defineAbilityFor } from "../permissions/ability.ts";
import { accessibleBy } from "../permissions/casl-prisma.ts";
import { viewerFromSessionToken } from "../server/viewer-from-request.ts";
import { attachmentIdFromPath } from "./attachment-path.ts";
import { attachmentDisposition } from "./content-disposition.ts";
import type { FileStorage } from "./file-storage.ts";

export interface AttachmentDownloadOptions {
  db: Database;
  files: FileStorage;
}

/**
 * Headers that keep a stored file from ever running in our origin: always a download, the
 * type we detected (not guessed again by the browser), no scripts or styles even if opened,
 * and not kept in shared caches (these are records about children).
 */
const safetyHeaders = {
  "x-content-type-options": "nosniff",
  "content-security-policy": "default-src 'none'; sandbox",
  "cache-control": "private, no-store",
};

const plain = (status: number, message: string, headers: Record<string, string> = {}) =>
  new Response(message, {
    status,
    headers: { ...safetyHeaders, "content-type": "text/plain; charset=utf-8", ...headers },
  });

/**
 * `GET /attachments/<global id>`: the bytes of an attachment the signed-in viewer may read.
 * Signed in the same way as GraphQL (session cookie or bearer token); permission is checked in
 * the same SQL query that loads the row, so another authority's file is a 404 exactly like a
 * file that does not exist. Every successful read is audited.
 */
export async function handleAttachmentDownload(request: Request, options: AttachmentDownloadOptions) {
  if (request.method !== "GET") return plain(405, "Use GET to download an attachment.", { allow: "GET" });
  // One transaction, like a GraphQL request: the session sets the authority, and row-level
  // security holds the lookup, the bytes and the audit entry to it.
  return options.db.$transaction((tx) => download(request, tx, options.files));
}

async function download(request: Request, db: DbClient, files: FileStorage): Promise<Response> {
  const viewer = await viewerFromSessionToken(db, sessionTokenFrom(request));
  if (!viewer) return plain(401, "Sign in to download attachments.", { "www-authenticate": "Bearer" });

  const notFound = () => plain(404, "This attachment was not found, or you do not have access to it.");
  const id = attachmentIdFromPath(new URL(request.url).pathname);
  if (!id) return notFound();
  const ability = defineAbilityFor(viewer);
  const attachment = await db.attachment.findFirst({
    where: { AND: [accessibleBy(ability, "read").ofType("Attachment"), { id }] },
  });
  if (!attachment) return notFound();
  if (attachment.removedAt)
    return plain(
      410,
      "This file was removed under the retention policy: the case it belonged to is closed and past its period.",
    );

  const bytes = await files.get(attachment.authorityId as AuthorityId, attachment.storageKey, db);
  // Row and bytes are written together, so this means the store lost them: a fault, not a 404.
  if (!bytes) return plain(500, "This attachment's content is missing. Please tell your system administrator.");

  await recordAudit(db, viewer, {
    action: "attachment.download",
    entityType: "Attachment",
    entityId: attachment.id,
    summary: `Downloaded ${attachment.filename}`,
  });
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      ...safetyHeaders,
      "content-type": attachment.contentType,
      "content-length": String(bytes.byteLength),
      "content-disposition": attachmentDisposition(attachment.filename),
    },
  });
}
