/** What the Node adapter (@whatwg-node/server) passes beside each request. */
export interface NodeServerContext {
  req?: { socket?: { remoteAddress?: string } };
}

/**
 * The client's network address, for limiting sign-in attempts. Behind a reverse proxy (set
 * `trustProxy`), the last X-Forwarded-For entry: the one our own proxy appended; the ones before
 * it came from the client and could be anything. Otherwise the socket's peer address.
 */
export function clientAddressOf(request: Request, server: NodeServerContext | undefined, trustProxy: boolean) {
  if (trustProxy) {
    const forwarded = request.headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  return server?.req?.socket?.remoteAddress?.slice(0, 64) ?? null;
}
