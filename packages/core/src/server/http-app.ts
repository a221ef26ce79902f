import type { Database } from "../db/prisma-client.ts";
import { createGraphQLServer, type GraphQLServerOptions } from "./graphql-server.ts";
import { checkReadiness } from "./health.ts";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/**
 * The API as a fetch handler: `/healthz` (the process is alive), `/readyz` (it can reach
 * the database) and `/graphql`. Tests call `fetch` on it directly, with no port.
 */
export function createHttpApp(options: GraphQLServerOptions & { db: Database }) {
  const graphql = createGraphQLServer(options);
  return {
    graphql,
    async fetch(request: Request): Promise<Response> {
      const { pathname } = new URL(request.url);
      if (pathname === "/healthz") return json(200, { status: "ok" });
      if (pathname === "/readyz") {
        const readiness = await checkReadiness(options.db);
        return json(readiness.ready ? 200 : 503, readiness);
      }
      return graphql.fetch(request);
    },
  };
}
