import type { Plugin } from "graphql-yoga";
import { maxAttachmentBytes } from "./attachment-limits.ts";

/** Room for the multipart envelope: the operation's JSON, the map and the part headers. */
const ENVELOPE_BYTES = 1024 * 1024;

/** An upload: a multipart request, as the GraphQL multipart request spec sends files. */
export const isUpload = (request: Request) =>
  request.headers.get("content-type")?.toLowerCase().startsWith("multipart/") ?? false;

/** The most an upload's whole multipart body may hold. */
export const maxUploadBodyBytes = () => maxAttachmentBytes() + ENVELOPE_BYTES;

/**
 * Yoga reads a whole multipart body into memory before any resolver runs, so an upload far
 * beyond the limit is turned away from its declared Content-Length first, without reading it.
 * Uploads near the limit still reach `uploadAttachment`, which gives the typed FILE_TOO_LARGE.
 */
export const uploadSizeGuard: Plugin = {
  onRequest({ request, endResponse, fetchAPI }) {
    if (!isUpload(request)) return;
    const declared = Number(request.headers.get("content-length"));
    if (Number.isFinite(declared) && declared > maxUploadBodyBytes()) {
      endResponse(
        new fetchAPI.Response("This upload is too large to accept.", {
          status: 413,
          headers: { "content-type": "text/plain; charset=utf-8" },
        }),
      );
    }
  },
};
