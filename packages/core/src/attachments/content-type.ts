import { fileTypeFromBuffer } from "file-type";
import type { AttachmentKind } from "../generated/prisma/enums.ts";

/** A type we accept, as detected from the bytes. */
export interface AcceptedType {
  mime: string;
  /** Extensions a file of this type may carry; the first is added when the name has none of them. */
  extensions: readonly string[];
  /** How a person calls it, for messages. */
  label: string;
}

const PDF: AcceptedType = { mime: "application/pdf", extensions: ["pdf"], label: "PDF" };
const PNG: AcceptedType = { mime: "image/png", extensions: ["png"], label: "PNG" };
const JPEG: AcceptedType = { mime: "image/jpeg", extensions: ["jpg", "jpeg"], label: "JPEG" };
const DOCX: AcceptedType = {
  mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  extensions: ["docx"],
  label: "Word (.docx)",
};

/** What each kind of attachment may be. CAF forms are often Word documents; receipts are scans or photos. */
export const acceptedTypes: Record<AttachmentKind, readonly AcceptedType[]> = {
  ASSESSMENT: [PDF, PNG, JPEG, DOCX],
  RECEIPT: [PDF, PNG, JPEG],
  OTHER: [PDF, PNG, JPEG],
};

/**
 * The type of `bytes` judged by their content (magic numbers), never by the file's name or
 * the type the client declared: an HTML page or SVG named receipt.pdf must not get in, since
 * a browser could later render it as a page. `file-type` (pure ESM, no network) recognises
 * PDF, PNG and JPEG by signature and tells a .docx from any other zip by its entries.
 * Returns null when the content is none of the types this kind allows; text formats
 * (HTML, SVG, scripts) are never among them.
 */
export async function detectAcceptedType(bytes: Uint8Array, kind: AttachmentKind): Promise<AcceptedType | null> {
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected) return null;
  return acceptedTypes[kind].find((type) => type.mime === detected.mime) ?? null;
}

/** "PDF, PNG or JPEG": the types a kind allows, for a message a person can act on. */
export function describeAccepted(kind: AttachmentKind): string {
  const labels = acceptedTypes[kind].map((type) => type.label);
  return labels.length > 1 ? `${labels.slice(0, -1).join(", ")} or ${labels.at(-1)}` : (labels[0] ?? "");
}
