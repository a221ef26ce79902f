import type pg from "pg";
import { handleAttachmentDownload } from "../attachments/attachment-download.ts";
import { ATTACHMENT_PATH_PREFIX } from "../attachments/attachment-path.ts";
import { PostgresFileStorage } from "../attachments/postgres-file-storage.ts";
import { handleSso, SSO_PATH_PREFIX, type SsoOptions } from "../auth/sso/sso-routes.ts";
import { handleCaseStudyDownload } from "../case-studies/case-study-download.ts";
import { CASE_STUDY_PATH_PREFIX } from "../case-studies/case-study-path.ts";
import { createConnectionPool } from "../db/connection-pool.ts";
import { connectionPoolOf, type Database } from "../db/prisma-client.ts";
import { createLogger } from "../observability/logger.ts";
import { createApiMetrics, routeOf } from "../observability/metrics.ts";
import {
  REQUEST_ID_HEADER,
  requestIdFor,
  requestLogger,
  withRequestContext,
} from "../observability/request-context.ts";
import { tracedRequest } from "../observability/tracing.ts";
import { checkPlugins } from "../plugins/installed-plugins.ts";
import { handleReportDownload, REPORT_PATH_PREFIX } from "../reports/report-download.ts";
import { clientAddressOf, type NodeServerContext } from "./client-address.ts";
import { answerGraphQL, createGraphQLServer, type GraphQLServerOptions } from "./graphql-server.ts";
import { checkReadiness } from "./health.ts";
import { type MetricsEndpointOptions, serveMetrics } from "./metrics-endpoint.ts";
import { withSecurityHeaders } from "./security-headers.ts";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

export interface HttpAppOptions extends GraphQLServerOptions {
  db: Database;
  /** Who may read /metrics, and whether this app serves it at all. */
  metricsEndpoint?: MetricsEndpointOptions;
  /** Node's own metrics (CPU, memory, event loop) beside the API's: the real server turns them on. */
  processMetrics?: boolean;
  /** Single sign-on's public addresses: where browsers reach the API and the portal. */
  sso?: Omit<SsoOptions, "secureCookies">;
  /** Told after each GraphQL request, whose writes may have queued e-mails (notification-dispatcher.ts). */
  notifications?: { kick(): void };
  /**
   * The database's URL, for streamed report downloads: they read through a cursor on a plain
   * `pg` connection, which Prisma's client does not offer. Without it, downloads answer 503.
   */
  databaseUrl?: string;
}

/**
 * The API as a fetch handler: `/healthz` (the process is alive), `/readyz` (it can reach
 * the database), `/metrics` (Prometheus), `/attachments/<id>` (downloads), `/reports/<name>.csv`
 * (report tables), `/case-studies/<form>/<id>.pdf` (filled forms), `/auth/oidc/…` (single sign-on)
 * and `/graphql`.
 * Every request gets an id (the caller's x-request-id, or a new one), returned in the
 * response's header and carried by every log line written while handling it, and a span.
 * Tests call `fetch` on it directly, with no port.
 */
export function createHttpApp(options: HttpAppOptions) {
  // One store for uploads (GraphQL) and downloads (plain HTTP).
  const files = options.files ?? new PostgresFileStorage(options.db);
  const log = options.log ?? createLogger();
  const metrics =
    options.metrics ?? createApiMetrics({ pool: connectionPoolOf(options.db), processMetrics: options.processMetrics });
  const graphql = createGraphQLServer({ ...options, files, log, metrics });
  const headers = { https: options.secureCookies, development: options.development };
  const plugins = checkPlugins(options.plugins ?? []);
  const metricsEndpoint = options.metricsEndpoint ?? { exposed: true, token: null };
  const ssoOptions: SsoOptions = {
    publicUrl: options.sso?.publicUrl ?? "http://localhost:4000",
    portalUrl: options.sso?.portalUrl ?? "http://localhost:3000",
    secureCookies: options.secureCookies,
  };
  // Two connections: downloads are long and few; they must not starve the API's own pool.
  let exportPool: pg.Pool | undefined;
  const pool = () => {
    exportPool ??= createConnectionPool(options.databaseUrl as string, 2);
    return exportPool;
  };

  async function route(request: Request, pathname: string, server?: NodeServerContext): Promise<Response> {
    if (pathname === "/healthz") return json(200, { status: "ok" });
    if (pathname === "/readyz") {
      const readiness = await checkReadiness(options.db);
      return json(readiness.ready ? 200 : 503, readiness);
    }
    if (pathname === "/metrics" && metricsEndpoint.exposed) return serveMetrics(request, metrics, metricsEndpoint);
    if (pathname.startsWith(SSO_PATH_PREFIX)) return handleSso(request, options.db, ssoOptions, log);
    if (pathname.startsWith(ATTACHMENT_PATH_PREFIX))
      return handleAttachmentDownload(request, { db: options.db, files });
    if (pathname.startsWith(CASE_STUDY_PATH_PREFIX))
      return handleCaseStudyDownload(request, { db: options.db, plugins });
    if (pathname.startsWith(REPORT_PATH_PREFIX)) {
      if (!options.databaseUrl) return json(503, { error: "Report downloads are not configured on this server." });
      return handleReportDownload(request, { db: options.db, pool });
    }
    const clientAddress = clientAddressOf(request, server, options.trustProxy ?? false);
    const response = await answerGraphQL(graphql, request, clientAddress);
    if (request.method === "POST") options.notifications?.kick();
    return response;
  }

  return {
    graphql,
    metrics,
    log,
    /** Closes the download connections (the API's own pool belongs to `db`). */
    close: async () => exportPool?.end(),
    /** `server` is what the Node adapter passes (the socket, for the client's address); tests omit it. */
    async fetch(request: Request, server?: NodeServerContext): Promise<Response> {
      const started = performance.now();
      const requestId = requestIdFor(request);
      const { pathname } = new URL(request.url);
      const routeName = routeOf(pathname);
      return withRequestContext(requestId, log, async () => {
        let response: Response;
        try {
          response = await tracedRequest(request.method, routeName, () => route(request, pathname, server));
        } catch (error) {
          const frames = error instanceof Error ? error.stack?.split("\n").slice(1).join("\n") : undefined;
          requestLogger(log).error({ err: { type: (error as Error)?.name, stack: frames } }, "request failed");
          response = json(500, { error: "Something went wrong. Quote this request id when reporting it.", requestId });
        }
        // withHeader first: it copies a response whose headers are immutable.
        response = withSecurityHeaders(withHeader(response, REQUEST_ID_HEADER, requestId), headers);
        const seconds = (performance.now() - started) / 1000;
        metrics.observeRequest(request.method, routeName, response.status, seconds);
        requestLogger(log).info(
          { method: request.method, route: routeName, status: response.status, durationMs: Math.round(seconds * 1000) },
          "request",
        );
        return response;
      });
    },
  };
}

/** Sets a header, copying the response when its headers are immutable (a fetched response's are). */
function withHeader(response: Response, name: string, value: string): Response {
  try {
    response.headers.set(name, value);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    copy.headers.set(name, value);
    return copy;
  }
}
