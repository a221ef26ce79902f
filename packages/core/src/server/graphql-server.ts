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
import { defineAbilityFor } from "../permissions/ability.ts";
import { checkPlugins } from "../plugins/installed-plugins.ts";
import type { SchemePlugin } from "../plugins/plugin-contract.ts";
import { PluginSchemeRegistry } from "../plugins/plugin-scheme-registry.ts";
import type { SchemeRegistry } from "../schemes/scheme-rules.ts";
import { maskUnexpectedErrors } from "./error-masking.ts";
import { requestTransaction } from "./request-transaction.ts";

export interface GraphQLServerOptions {
  db: Database;
  /** GraphiQL and detailed errors: on in development, off in production. */
  development: boolean;
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

/** Cookies set by resolvers, per request, written onto the response by the plugin below. */
const cookiesByRequest = new WeakMap<Request, string[]>();

const setCookiesPlugin: Plugin = {
  onResponse({ request, response }) {
    for (const cookie of cookiesByRequest.get(request) ?? []) response.headers.append("set-cookie", cookie);
  },
};

export function createGraphQLServer(options: GraphQLServerOptions) {
  const plugins = checkPlugins(options.plugins ?? []);
  const schemesFor = (db: Database) => options.schemes ?? new PluginSchemeRegistry(db, plugins);
  const files = options.files ?? new PostgresFileStorage(options.db);
  const log = options.log ?? createLogger();
  const metrics = options.metrics ?? createApiMetrics();
  return createYoga<Record<string, unknown>, GraphQLContext>({
    schema: buildSchema([...plugins.values()]),
    graphqlEndpoint: "/graphql",
    graphiql: options.development,
    landingPage: false,
    maskedErrors: { isDev: options.development, maskError: maskUnexpectedErrors },
    logging: yogaLogger(log),
    // The tracing plugin comes after the transaction's, so that its span wraps the transaction:
    // setting the authority and finding the viewer show as SQL under the operation too.
    plugins: [
      setCookiesPlugin,
      uploadSizeGuard,
      requestTransaction({ db: options.db, plugins, schemesFor }),
      graphqlTracing(),
      graphqlObservability(log, metrics),
    ],
    // Who is asking is settled inside the request's transaction (requestTransaction), where the
    // authority is set; until then the context stands for nobody and reads nothing.
    context: async ({ request }): Promise<GraphQLContext> => {
      const cookies: string[] = [];
      cookiesByRequest.set(request, cookies);
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
        schemes: schemesFor(options.db),
        files,
      };
    },
  });
}
