// `npm start`: the API on an embedded (or DATABASE_URL) PostgreSQL, migrated and seeded.
import { createServer } from "node:http";
import { createServerAdapter } from "@whatwg-node/server";
import { loadConfig } from "./config.ts";
import { applicationDatabaseUrl } from "./db/application-role.ts";
import { migrateDatabase } from "./db/migrations.ts";
import { openPlatformDatabase } from "./db/platform-database.ts";
import { createPrismaClient } from "./db/prisma-client.ts";
import { DEMO_PASSWORD } from "./seed/demo-people.ts";
import { seedDemoData } from "./seed/demo-seed.ts";
import { createHttpApp } from "./server/http-app.ts";

const log = (line: string) => console.log(`[api] ${line}`);
const port = Number(process.env.API_PORT ?? 4000);
const production = process.env.NODE_ENV === "production";

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

const app = createHttpApp({
  db,
  databaseUrl: appUrl,
  development: !production,
  secureCookies: production,
  plugins: config.plugins,
});
const server = createServer(createServerAdapter(app.fetch));
server.listen(port, () => {
  log(`GraphQL API and GraphiQL: http://localhost:${port}/graphql`);
  void printDemoSignIns();
});

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
  await app.close();
  await db.$disconnect();
  await owner.$disconnect();
  await database.stop();
  log("Stopped cleanly.");
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
