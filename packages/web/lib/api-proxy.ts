/**
 * Forwards a request to the API, so the browser talks to one origin (its session cookie is
 * first-party and HttpOnly) and the API's address is read when the portal starts, not when it
 * is built: `API_URL`, default http://localhost:4000.
 */
export async function forwardToApi(request: Request): Promise<Response> {
  const apiUrl = (process.env.API_URL ?? "http://localhost:4000").replace(/\/+$/, "");
  const incoming = new URL(request.url);
  const headers = new Headers(request.headers);
  headers.delete("host");
  headers.delete("connection");
  headers.delete("content-length");
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  const response = await fetch(`${apiUrl}${incoming.pathname}${incoming.search}`, {
    method: request.method,
    headers,
    body: hasBody ? await request.arrayBuffer() : undefined,
    redirect: "manual",
  });
  const outgoing = new Headers(response.headers);
  // fetch has already decoded the body.
  outgoing.delete("content-encoding");
  outgoing.delete("content-length");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: outgoing });
}
