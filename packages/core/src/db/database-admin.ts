import pg from "pg";

/** Returns the URL of `database` on the same server as `serverUrl`. */
export function urlForDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

async function withAdminClient<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: urlForDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function databaseExists(serverUrl: string, database: string): Promise<boolean> {
  return withAdminClient(serverUrl, async (client) => {
    const result = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    return result.rowCount === 1;
  });
}

export async function createDatabase(serverUrl: string, database: string, template?: string): Promise<void> {
  const from = template ? ` TEMPLATE ${quoteIdentifier(template)}` : "";
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(database)}${from}`));
}

export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  await withAdminClient(serverUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`),
  );
}
