// `npm start`: the API on an embedded (or DATABASE_URL) PostgreSQL, migrated and seeded.
import { createServer } from "node:http";
import { createServerAdapter } from "@whatwg-node/server";
import { loadConfig } from "./config.ts";
import { applicationDatabaseUrl } from "./db/application-role.ts";
import { migrateDatabase } from "./db/migrations.ts";
import { openPlatformDatabase } from "./db/platform-database.ts";
import { createPrismaClient } from "./db/prisma-client.ts";
import { startNotificationDispatcher } from "./notifications/notification-dispatcher.ts";
import { mailerFromEnvironment, portalUrlFromEnvironment } from "./notifications/notification-settings.ts";
import { createLogger } from "./observability/logger.ts";
import { startTracingFromEnvironment } from "./observability/tracing.ts";
import { checkPlugins } from "./plugins/installed-plugins.ts";
import { DEMO_PASSWORD } from "./seed/demo-people.ts";
import { seedDemoData } from "./seed/demo-seed.ts";
import { environmentOrExit } from "./server/environment.ts";
import { createHttpApp } from "./server/http-app.ts";
import { serveMetrics } from "./server/metrics-endpoint.ts";

const log = (line: string) => console.log(`[api] ${line}`);
const environment = environmentOrExit("development");
const port = environment.API_PORT;
const production = environment.NODE_ENV === "production";

// Tracing first, so that every span from here on is exported (OTEL_TRACES_EXPORTER).
const tracing = await startTracingFromEnvironment();
const config = await loadConfig();
log(`Schemes installed: core${config.plugins.map((plugin) => `, ${plugin.id}`).join("")}`);
const database = await openPlatformDatabase(log);
const applied = await migrateDatabase(database.url);
log(applied.length ? `Applied ${applied.length} migration(s).` : "Database schema is up to date.");
// The demo seed is a platform job: it runs as the owner, which ran the migrations.
const owner = createPrismaClient(database.url, 2);
if (await seedDemoData(owner, config.plugins)) log("Seeded demo data.");
// The API itself runs as the application role, held by row-level security to one authority.
const appUrl = await applicationDatabaseUrl(database.url);
const db = createPrismaClient(appUrl);

// /metrics: on the API's port unless METRICS_PORT gives it a port of its own (which a firewall
// can keep internal); behind METRICS_TOKEN when that is set.
const metricsPort = process.env.METRICS_PORT ? Number(process.env.METRICS_PORT) : null;
const metricsToken = process.env.METRICS_TOKEN || null;
const logger = createLogger();
// E-mail notifications go out as soon as the request that queued them commits, when SMTP_URL is set.
const mailer = mailerFromEnvironment();
const notifications = mailer
  ? startNotificationDispatcher(
      db,
      { mailer, plugins: checkPlugins(config.plugins), portalUrl: portalUrlFromEnvironment() },
      logger,
    )
  : undefined;
if (!mailer) log("SMTP_URL is not set: e-mail notifications wait in the outbox.");
const app = createHttpApp({
  db,
  databaseUrl: appUrl,
  development: !production,
  secureCookies: production,
  plugins: config.plugins,
  log: logger,
  notifications,
  processMetrics: true,
  metricsEndpoint: { exposed: metricsPort === null, token: metricsToken },
  // Single sign-on's redirect URI is built from PUBLIC_API_URL; signed-in people go to PORTAL_URL.
  sso: {
    publicUrl: process.env.PUBLIC_API_URL ?? `http://localhost:${port}`,
    portalUrl: portalUrlFromEnvironment(),
  },
});
const server = createServer(createServerAdapter(app.fetch));
server.listen(port, () => {
  log(`GraphQL API and GraphiQL: http://localhost:${port}/graphql`);
  void printDemoSignIns();
});
const metricsServer =
  metricsPort === null
    ? null
    : createServer(
        createServerAdapter((request) => serveMetrics(request, app.metrics, { token: metricsToken })),
      ).listen(metricsPort, () => log(`Prometheus metrics: http://localhost:${metricsPort}/metrics`));

/** Every demo account by authority, so people know whom to sign in as. */
async function printDemoSignIns() {
  const authorities = await owner.authority.findMany({
    orderBy: { name: "asc" },
    include: { staff: { orderBy: { email: "asc" }, include: { roleAssignments: true } } },
  });
  log(`Demo sign-ins (every password is "${DEMO_PASSWORD}"):`);
  for (const authority of authorities) {
    const people = authority.staff.map(
      (person) => `${person.email} (${person.roleAssignments.map((a) => a.role.toLowerCase()).join(", ")})`,
    );
    log(`  ${authority.name}: ${people.join("; ")}`);
  }
}

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping…`);
  server.close();
  metricsServer?.close();
  await notifications?.stop();
  mailer?.close();
  await app.close();
  await tracing?.shutdown();
  await db.$disconnect();
  await owner.$disconnect();
  await database.stop();
  log("Stopped cleanly.");
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
