import { createGraphQLError, type Plugin } from "graphql-yoga";
import { isUpload, maxUploadBodyBytes } from "../attachments/upload-size-guard.ts";

/**
 * 1 MiB: a GraphQL request that is not an upload is a document (at most 10,000 characters, see
 * OPERATION_LIMITS) and its variables; the largest the portal sends is a few kilobytes. Yoga reads
 * a body whole before anything else runs, so an enormous one is turned away from its declared
 * length first (uploads have their own cap: attachments/upload-size-guard.ts).
 */
export const MAX_REQUEST_BYTES = 1024 * 1024;

const TOO_LARGE = "This request is too large to accept.";

const tooLarge = () =>
  createGraphQLError(TOO_LARGE, {
    extensions: { code: "REQUEST_TOO_LARGE", http: { status: 413 } },
  });

/**
 * Every request body is bounded. A declared length is checked before anything is read (here,
 * or for uploads by uploadSizeGuard), and Node's HTTP parser never delivers more than it
 * declares. A body sent without a length (chunked) is counted as it is read and abandoned at the
 * limit. This replaces yoga's own limit (`maxRequestBodySize: false` in graphql-server.ts),
 * which pipes every body through a counting stream even when its length is declared: ~5% of a
 * small request's CPU in its profile; without it, 6-19% less CPU per request and 2-15% more
 * throughput for three benchmarked operations (bench/README.md, 2026-11-24).
 */
export const requestSizeGuard: Plugin = {
  onRequest({ request, endResponse, fetchAPI }) {
    const declared = request.headers.get("content-length");
    if (declared === null) return;
    const refusal = !/^\d+$/.test(declared)
      ? { status: 400, text: "This request's Content-Length is not a number of bytes." }
      : !isUpload(request) && Number(declared) > MAX_REQUEST_BYTES
        ? { status: 413, text: TOO_LARGE }
        : null;
    if (refusal)
      endResponse(
        new fetchAPI.Response(refusal.text, {
          status: refusal.status,
          headers: { "content-type": "text/plain; charset=utf-8" },
        }),
      );
  },
  onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
    if (!requestParser || !request.body || request.headers.has("content-length")) return;
    const limit = isUpload(request) ? maxUploadBodyBytes() : MAX_REQUEST_BYTES;
    setRequestParser(async (unmeasured) => {
      const body = await readAtMost(unmeasured, limit);
      const { url, method, headers, signal } = unmeasured;
      return requestParser(new fetchAPI.Request(url, { method, headers, signal, body }));
    });
  },
};

/** The body, read whole, or a 413 as soon as it passes `limit` bytes (the rest is not read). */
async function readAtMost(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  const reader = (request.body as ReadableStream<Uint8Array>).getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    bytes += read.value.byteLength;
    if (bytes > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(read.value);
  }
  const body = new Uint8Array(bytes);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}
