import { decodeGlobalID, encodeGlobalID } from "@pothos/plugin-relay";
import { isUuid } from "../domain/uuid.ts";

/** Downloads are plain HTTP (so a browser can save them), under the attachment's global ID. */
export const ATTACHMENT_PATH_PREFIX = "/attachments/";

export function attachmentDownloadPath(attachmentId: string): string {
  return `${ATTACHMENT_PATH_PREFIX}${encodeURIComponent(encodeGlobalID("Attachment", attachmentId))}`;
}

/** The attachment's database id from a download path, or null for anything that is not one. */
export function attachmentIdFromPath(pathname: string): string | null {
  if (!pathname.startsWith(ATTACHMENT_PATH_PREFIX)) return null;
  try {
    const { typename, id } = decodeGlobalID(decodeURIComponent(pathname.slice(ATTACHMENT_PATH_PREFIX.length)));
    return typename === "Attachment" && isUuid(id) ? id : null;
  } catch {
    return null;
  }
}
