// `npm run db:migrate`: the deploy step that brings the database at DATABASE_URL (connected as its
// owner) up to date with core's and every plugin's migrations. Kept apart from starting the API so
// a deployment migrates once, before any new API process starts, and the API never needs the
// owner's rights. With APP_DATABASE_PASSWORD set, it also gives the application role (created by
// the migrations) that login, so the API can be given only APP_DATABASE_URL, never the owner's.
import { environmentOrExit } from "../server/environment.ts";
import { APPLICATION_ROLE, allowApplicationLogin } from "./application-role.ts";
import { migrateDatabase } from "./migrations.ts";

const environment = environmentOrExit("migrate");
const applied = await migrateDatabase(environment.DATABASE_URL as string);
console.log(
  applied.length
    ? `Applied ${applied.length} migration(s): ${applied.map((migration) => migration.version).join(", ")}.`
    : "The database is up to date.",
);
if (environment.APP_DATABASE_PASSWORD) {
  await allowApplicationLogin(environment.DATABASE_URL as string, environment.APP_DATABASE_PASSWORD);
  console.log(`The application role ${APPLICATION_ROLE} logs in with APP_DATABASE_PASSWORD.`);
}
