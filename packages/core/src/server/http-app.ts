import { handleAttachmentDownload } from "../attachments/attachment-download.ts";
import { ATTACHMENT_PATH_PREFIX } from "../attachments/attachment-path.ts";
import { PostgresFileStorage } from "../attachments/postgres-file-storage.ts";
import type { Database } from "../db/prisma-client.ts";
import { clientAddressOf, type NodeServerContext } from "./client-address.ts";
import { createGraphQLServer, type GraphQLServerOptions } from "./graphql-server.ts";
import { checkReadiness } from "./health.ts";
import { withSecurityHeaders } from "./security-headers.ts";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/**
 * The API as a fetch handler: `/healthz` (the process is alive), `/readyz` (it can reach
 * the database), `/attachments/<id>` (downloads) and `/graphql`. Tests call `fetch` on it
 * directly, with no port.
 */
export function createHttpApp(options: GraphQLServerOptions & { db: Database }) {
  // One store for uploads (GraphQL) and downloads (plain HTTP).
  const files = options.files ?? new PostgresFileStorage(options.db);
  const graphql = createGraphQLServer({ ...options, files });
  const headers = { https: options.secureCookies, development: options.development };
  const route = async (request: Request, server?: NodeServerContext): Promise<Response> => {
    const { pathname } = new URL(request.url);
    if (pathname === "/healthz") return json(200, { status: "ok" });
    if (pathname === "/readyz") {
      const readiness = await checkReadiness(options.db);
      return json(readiness.ready ? 200 : 503, readiness);
    }
    if (pathname.startsWith(ATTACHMENT_PATH_PREFIX))
      return handleAttachmentDownload(request, { db: options.db, files });
    return graphql.fetch(request, { clientAddress: clientAddressOf(request, server, options.trustProxy ?? false) });
  };
  return {
    graphql,
    /** `server` is what the Node adapter passes (the socket, for the client's address); tests omit it. */
    async fetch(request: Request, server?: NodeServerContext): Promise<Response> {
      return withSecurityHeaders(await route(request, server), headers);
    },
  };
}
