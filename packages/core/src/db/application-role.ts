import pg from "pg";

/** The role the API connects as (created by migration 0010): not superuser, no BYPASSRLS. */
export const APPLICATION_ROLE = "pathfinder_app";

const LOCAL_PASSWORD = "pathfinder-app-local";

/**
 * The URL the API connects with. In production an operator provisions the role's login and
 * gives APP_DATABASE_URL. Otherwise (the embedded demo database, a developer's or CI's server)
 * the owner, who ran the migrations, lets the role log in with APP_DATABASE_PASSWORD (or a
 * local default) and the URL is the owner's with that role and password.
 */
export async function applicationDatabaseUrl(ownerUrl: string): Promise<string> {
  if (process.env.APP_DATABASE_URL) return process.env.APP_DATABASE_URL;
  const password = process.env.APP_DATABASE_PASSWORD ?? LOCAL_PASSWORD;
  await allowApplicationLogin(ownerUrl, password);
  return asApplicationRole(ownerUrl, password);
}

/** `url` with the application role's name and `password` in place of the owner's. */
export function asApplicationRole(url: string, password = LOCAL_PASSWORD): string {
  const app = new URL(url);
  app.username = APPLICATION_ROLE;
  app.password = password;
  return app.toString();
}

/** Gives the (migrated) application role a login and password; needs CREATEROLE or superuser. */
export async function allowApplicationLogin(ownerUrl: string, password = LOCAL_PASSWORD): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(`ALTER ROLE ${APPLICATION_ROLE} LOGIN PASSWORD ${client.escapeLiteral(password)}`);
  } finally {
    await client.end();
  }
}
