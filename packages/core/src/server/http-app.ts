import pg from "pg";
import { handleAttachmentDownload } from "../attachments/attachment-download.ts";
import { ATTACHMENT_PATH_PREFIX } from "../attachments/attachment-path.ts";
import { PostgresFileStorage } from "../attachments/postgres-file-storage.ts";
import type { Database } from "../db/prisma-client.ts";
import { handleReportDownload, REPORT_PATH_PREFIX } from "../reports/report-download.ts";
import { createGraphQLServer, type GraphQLServerOptions } from "./graphql-server.ts";
import { checkReadiness } from "./health.ts";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

export interface HttpAppOptions extends GraphQLServerOptions {
  db: Database;
  /**
   * The database's URL, for streamed report downloads: they read through a cursor on a plain
   * `pg` connection, which Prisma's client does not offer. Without it, downloads answer 503.
   */
  databaseUrl?: string;
}

/**
 * The API as a fetch handler: `/healthz` (the process is alive), `/readyz` (it can reach
 * the database), `/attachments/<id>` (downloads), `/reports/<name>.csv` (report tables) and
 * `/graphql`. Tests call `fetch` on it directly, with no port.
 */
export function createHttpApp(options: HttpAppOptions) {
  // One store for uploads (GraphQL) and downloads (plain HTTP).
  const files = options.files ?? new PostgresFileStorage(options.db);
  const graphql = createGraphQLServer({ ...options, files });
  // Two connections: downloads are long and few; they must not starve the API's own pool.
  let exportPool: pg.Pool | undefined;
  const pool = () => {
    exportPool ??= new pg.Pool({ connectionString: options.databaseUrl, max: 2 });
    return exportPool;
  };
  return {
    graphql,
    /** Closes the download connections (the API's own pool belongs to `db`). */
    close: async () => exportPool?.end(),
    async fetch(request: Request): Promise<Response> {
      const { pathname } = new URL(request.url);
      if (pathname === "/healthz") return json(200, { status: "ok" });
      if (pathname === "/readyz") {
        const readiness = await checkReadiness(options.db);
        return json(readiness.ready ? 200 : 503, readiness);
      }
      if (pathname.startsWith(ATTACHMENT_PATH_PREFIX))
        return handleAttachmentDownload(request, { db: options.db, files });
      if (pathname.startsWith(REPORT_PATH_PREFIX)) {
        if (!options.databaseUrl) return json(503, { error: "Report downloads are not configured on this server." });
        return handleReportDownload(request, { db: options.db, pool });
      }
      return graphql.fetch(request);
    },
  };
}
