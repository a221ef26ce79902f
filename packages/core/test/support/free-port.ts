import { createServer } from "node:net";

/**
 * A port nothing listens on now, for a server a test or the benchmark starts (an embedded
 * PostgreSQL, the API, the portal), so parallel runs (turbo runs packages side by side) never
 * collide.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
