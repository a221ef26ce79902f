/**
 * Headers on every API response. The API serves JSON (and attachment downloads, which set
 * stricter ones of their own), never pages, so the policy allows nothing: no scripts, no frames,
 * no embedding elsewhere. A header a handler already set is kept.
 */
const everyResponse: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
};

export interface SecurityHeaderOptions {
  /** Served over HTTPS: browsers are told to use nothing else for a year. */
  https: boolean;
  /** Development serves GraphiQL, a page that needs scripts: its HTML gets no policy. */
  development: boolean;
}

export function withSecurityHeaders(response: Response, options: SecurityHeaderOptions): Response {
  const isPage = response.headers.get("content-type")?.startsWith("text/html") ?? false;
  for (const [name, value] of Object.entries(everyResponse)) {
    if (name === "content-security-policy" && isPage && options.development) continue;
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  // Answers carry personal data: no shared or browser cache keeps them.
  if (!response.headers.has("cache-control")) response.headers.set("cache-control", "no-store");
  if (options.https) response.headers.set("strict-transport-security", "max-age=31536000; includeSubDomains");
  return response;
}
