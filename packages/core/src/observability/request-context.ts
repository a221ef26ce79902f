import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { Logger } from "./logger.ts";

export const REQUEST_ID_HEADER = "x-request-id";

interface RequestContext {
  requestId: string;
  log: Logger;
}

const storage = new AsyncLocalStorage<RequestContext>();

// An incoming id is kept only if it is short and plain, so a caller cannot inject log lines.
const acceptableRequestId = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's x-request-id (from a proxy or load balancer) when plausible, else a new one. */
export function requestIdFor(request: Request): string {
  const incoming = request.headers.get(REQUEST_ID_HEADER);
  return incoming && acceptableRequestId.test(incoming) ? incoming : randomUUID();
}

/** Runs `work` with a logger whose every line carries the request id. */
export function withRequestContext<T>(requestId: string, log: Logger, work: () => T): T {
  return storage.run({ requestId, log: log.child({ requestId }) }, work);
}

/** The logger of the request being handled (with its id), or `fallback` outside a request. */
export function requestLogger(fallback: Logger): Logger {
  return storage.getStore()?.log ?? fallback;
}
