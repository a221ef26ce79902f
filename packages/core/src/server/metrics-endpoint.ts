import { timingSafeEqual } from "node:crypto";
import type { ApiMetrics } from "../observability/metrics.ts";

export interface MetricsEndpointOptions {
  /** false: this app does not serve /metrics (it is served on a separate port instead). */
  exposed: boolean;
  /** When set, a scrape must send `Authorization: Bearer <token>`. */
  token: string | null;
}

const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** Prometheus's text format, behind the bearer token when one is configured. */
export async function serveMetrics(
  request: Request,
  metrics: ApiMetrics,
  options: Pick<MetricsEndpointOptions, "token">,
): Promise<Response> {
  if (options.token) {
    const authorization = request.headers.get("authorization") ?? "";
    const given = authorization.toLowerCase().startsWith("bearer ") ? authorization.slice(7).trim() : "";
    if (!sameSecret(given, options.token))
      return new Response("Send the metrics token as Authorization: Bearer <token>.\n", {
        status: 401,
        headers: { "www-authenticate": 'Bearer realm="metrics"', "content-type": "text/plain" },
      });
  }
  return new Response(await metrics.registry.metrics(), {
    headers: { "content-type": metrics.registry.contentType },
  });
}
