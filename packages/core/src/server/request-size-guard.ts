import type { Plugin } from "graphql-yoga";

/**
 * 1 MiB: a GraphQL request that is not an upload is a document (at most 10,000 characters, see
 * OPERATION_LIMITS) and its variables; the largest the portal sends is a few kilobytes. Yoga reads
 * a body whole before anything else runs, so an enormous one is turned away from its declared
 * length first (uploads have their own cap: attachments/upload-size-guard.ts).
 */
export const MAX_REQUEST_BYTES = 1024 * 1024;

export const requestSizeGuard: Plugin = {
  onRequest({ request, endResponse, fetchAPI }) {
    if (request.headers.get("content-type")?.toLowerCase().startsWith("multipart/")) return;
    const declared = Number(request.headers.get("content-length"));
    if (Number.isFinite(declared) && declared > MAX_REQUEST_BYTES)
      endResponse(
        new fetchAPI.Response("This request is too large to accept.", {
          status: 413,
          headers: { "content-type": "text/plain; charset=utf-8" },
        }),
      );
  },
};
