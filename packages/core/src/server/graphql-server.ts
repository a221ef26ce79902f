import { createYoga, type Plugin } from "graphql-yoga";
import type { FileStorage } from "../attachments/file-storage.ts";
import { PostgresFileStorage } from "../attachments/postgres-file-storage.ts";
import { uploadSizeGuard } from "../attachments/upload-size-guard.ts";
import { sessionTokenFrom } from "../auth/request-credentials.ts";
import type { Database } from "../db/prisma-client.ts";
import type { GraphQLContext } from "../graphql/context.ts";
import { buildSchema } from "../graphql/schema.ts";
import { graphqlObservability, graphqlTracing, yogaLogger } from "../observability/graphql-observability.ts";
import { createLogger, type Logger } from "../observability/logger.ts";
import { type ApiMetrics, createApiMetrics } from "../observability/metrics.ts";
import { tracingStarted } from "../observability/tracing.ts";
import { defineAbilityFor } from "../permissions/ability.ts";
import { checkPlugins } from "../plugins/installed-plugins.ts";
import type { SchemePlugin } from "../plugins/plugin-contract.ts";
import { PluginSchemeRegistry } from "../plugins/plugin-scheme-registry.ts";
import type { SchemeRegistry } from "../schemes/scheme-rules.ts";
import { apiProtectionPlugins } from "./api-protection.ts";
import { maskUnexpectedErrors } from "./error-masking.ts";
import { passwordAttemptLimits } from "./password-attempt-limits.ts";
import { requestSizeGuard } from "./request-size-guard.ts";
import { requestTransaction } from "./request-transaction.ts";
import { loadTrustedDocuments } from "./trusted-documents.ts";

export interface GraphQLServerOptions {
  db: Database;
  /**
   * GraphiQL, introspection, field suggestions, detailed errors and the figures of the limits
   * in refusals: on in development, off in production.
   */
  development: boolean;
  /**
   * The portal's persisted-documents manifest (`{ "<sha256>": "<document>" }`). When given, only
   * those documents run: production sets it (PERSISTED_DOCUMENTS_MANIFEST); development and
   * tests leave it out to send any document.
   */
  trustedDocumentsManifest?: string;
  /** Behind a reverse proxy: take the client's address from the last X-Forwarded-For entry. */
  trustProxy?: boolean;
  /** Secure cookies need HTTPS; off only for local development on http://localhost. */
  secureCookies: boolean;
  /** Scheme rules; core's default scheme only, until plugins are installed. */
  schemes?: SchemeRegistry;
  /** Where attachment bytes are kept; PostgreSQL (the `stored_file` table) unless another store is given. */
  files?: FileStorage;
  /** The installed scheme plugins (from pathfinder.config.ts); checked before anything starts. */
  plugins?: readonly SchemePlugin[];
  /** Where log lines go; JSON on standard output at LOG_LEVEL unless given. */
  log?: Logger;
  /** Counters and histograms served at /metrics. */
  metrics?: ApiMetrics;
}

/**
 * What a request carries beside it: the client's address, and the cookies resolvers set (written
 * onto the response by the plugin below). The address is kept here rather than passed to yoga as
 * a server context: @whatwg-node makes a context passed with a request the prototype of the
 * context yoga builds, and on Node 20's V8 a new object made a prototype gets hidden classes of
 * its own, so every property the context then gained made another (~16 a request, old-generation
 * objects kept until a full collection, holding the prototype past the scavenges in between).
 * Measured: a child's record promoted 33-34 KB instead of 36-37 (bench/README.md, "Young
 * generation and maps made per request"). One entry per request: each young key a module-level
 * WeakMap holds is work for every scavenge until the request is gone.
 */
interface RequestExtras {
  clientAddress: string | null;
  cookies: string[];
}
const extrasByRequest = new WeakMap<Request, RequestExtras>();

function extrasOf(request: Request): RequestExtras {
  let extras = extrasByRequest.get(request);
  if (!extras) {
    // A request handed to yoga directly (tests do) has no known address.
    extras = { clientAddress: null, cookies: [] };
    extrasByRequest.set(request, extras);
  }
  return extras;
}

const setCookiesPlugin: Plugin = {
  onResponse({ request, response }) {
    for (const cookie of extrasByRequest.get(request)?.cookies ?? []) response.headers.append("set-cookie", cookie);
  },
};

/** Answers a GraphQL request from `clientAddress` (null where unknown). */
export function answerGraphQL(graphql: GraphQLServer, request: Request, clientAddress: string | null) {
  extrasByRequest.set(request, { clientAddress, cookies: [] });
  return graphql.fetch(request);
}

export type GraphQLServer = ReturnType<typeof createGraphQLServer>;

export function createGraphQLServer(options: GraphQLServerOptions) {
  const plugins = checkPlugins(options.plugins ?? []);
  const trustedDocuments = options.trustedDocumentsManifest
    ? loadTrustedDocuments(options.trustedDocumentsManifest)
    : undefined;
  const schemesFor = (db: Database) => options.schemes ?? new PluginSchemeRegistry(db, plugins);
  const files = options.files ?? new PostgresFileStorage(options.db);
  const log = options.log ?? createLogger();
  const metrics = options.metrics ?? createApiMetrics();
  return createYoga<Record<string, never>, GraphQLContext>({
    schema: buildSchema([...plugins.values()]),
    graphqlEndpoint: "/graphql",
    graphiql: options.development,
    landingPage: false,
    // One operation per request: a batch would multiply every limit below by its length.
    batching: false,
    // requestSizeGuard bounds every body, more cheaply than yoga's own limit (see there).
    maxRequestBodySize: false,
    // The portal calls the API from its own origin (Next rewrites /graphql), so no other origin
    // is ever allowed to read an answer. Yoga's default would reflect any Origin, with credentials.
    cors: false,
    maskedErrors: { isDev: options.development, maskError: maskUnexpectedErrors },
    logging: yogaLogger(log),
    // The tracing plugin and the attempt limits come after the transaction's, so that they wrap it:
    // setting the authority and finding the viewer show as SQL under the operation's span, and
    // sign-in attempts are recorded before the transaction opens and stay recorded when the
    // mutation's savepoint rolls back.
    plugins: [
      ...apiProtectionPlugins({ development: options.development, trustedDocuments }),
      setCookiesPlugin,
      requestSizeGuard,
      uploadSizeGuard,
      requestTransaction({ db: options.db, plugins, schemesFor }),
      // Only when tracing was started (before the server is built, as main.ts does): with no
      // tracer the plugin still did its per-operation work for spans nobody records.
      ...(tracingStarted() ? [graphqlTracing()] : []),
      graphqlObservability(log, metrics),
      passwordAttemptLimits(options.db),
    ],
    // Who is asking is settled inside the request's transaction (requestTransaction), where the
    // authority is set; until then the context stands for nobody and reads nothing.
    context: async ({ request }): Promise<GraphQLContext> => {
      const { clientAddress, cookies } = extrasOf(request);
      return {
        db: options.db,
        viewer: null,
        ability: defineAbilityFor(null),
        plugins,
        schemesEnabled: async () => new Set(),
        schemeSettings: async () => undefined,
        sessionToken: sessionTokenFrom(request),
        setCookie: (cookie) => cookies.push(cookie),
        secureCookies: options.secureCookies,
        clientAddress,
        passwordAttempts: new Map(),
        schemes: schemesFor(options.db),
        files,
      };
    },
  });
}
