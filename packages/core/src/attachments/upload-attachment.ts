import { createHash } from "node:crypto";
import { subject } from "@casl/ability";
import { recordAudit } from "../audit/audit-log.ts";
import type { Attachment } from "../generated/prisma/client.ts";
import type { AttachmentKind } from "../generated/prisma/enums.ts";
import type { GraphQLContext } from "../graphql/context.ts";
import { NotAuthorisedError } from "../graphql/domain-errors.ts";
import { requireViewer } from "../graphql/require-viewer.ts";
import { EmptyFileError, FileTooLargeError, UnsupportedFileTypeError } from "./attachment-errors.ts";
import { safeFilename } from "./attachment-filename.ts";
import { describeSize, maxAttachmentBytes } from "./attachment-limits.ts";
import { describeAccepted, detectAcceptedType } from "./content-type.ts";

const kindLabels: Record<AttachmentKind, string> = { ASSESSMENT: "assessment", RECEIPT: "receipt", OTHER: "file" };

/**
 * Checks an upload and stores it: permission, size, then the type by content. Every check
 * runs before anything is written; then the bytes, the metadata row and the audit entry are
 * written in one transaction, so a refused or failed upload leaves nothing behind.
 */
export async function uploadAttachment(context: GraphQLContext, file: File, kind: AttachmentKind): Promise<Attachment> {
  const viewer = requireViewer(context);
  // Checked against the row about to be written, so rules with conditions (finance may add
  // receipts only) apply. The cast: CASL wants a whole row, and its rules read only these fields.
  const draft: Partial<Attachment> = { authorityId: viewer.authorityId, kind, uploadedById: viewer.id };
  if (!context.ability.can("create", subject("Attachment", draft as Attachment))) {
    throw new NotAuthorisedError(`You do not have permission to upload ${kindLabels[kind]} files.`);
  }

  const shownName = (file.name.split(/[/\\]/).pop() ?? "").trim().slice(0, 200) || "The file";
  if (file.size === 0) throw new EmptyFileError(shownName);
  const limit = maxAttachmentBytes();
  // Checked before reading the bytes, so an oversized file is not copied again.
  if (file.size > limit) throw new FileTooLargeError(shownName, file.size, limit);

  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = await detectAcceptedType(bytes, kind);
  if (!type) throw new UnsupportedFileTypeError(shownName, describeAccepted(kind));

  const filename = safeFilename(file.name, type);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return context.db.$transaction(async (tx) => {
    const storageKey = await context.files.put(viewer.authorityId, bytes, tx);
    const attachment = await tx.attachment.create({
      data: {
        authorityId: viewer.authorityId,
        kind,
        filename,
        contentType: type.mime,
        size: bytes.length,
        sha256,
        storageKey,
        uploadedById: viewer.id,
      },
    });
    await recordAudit(tx, viewer, {
      action: "attachment.upload",
      entityType: "Attachment",
      entityId: attachment.id,
      summary: `Uploaded ${kindLabels[kind]} ${filename} (${type.label}, ${describeSize(bytes.length)})`,
      after: { kind, filename, contentType: type.mime, size: bytes.length, sha256 },
    });
    return attachment;
  });
}
