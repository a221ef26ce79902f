import type { Database } from "../../src/db/prisma-client.ts";
import { createLogger } from "../../src/observability/logger.ts";
import { createHttpApp, type HttpAppOptions } from "../../src/server/http-app.ts";
import { applicationClientFor } from "./test-database.ts";

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

/**
 * The real API (yoga, auth, CASL, Prisma) called through `fetch`, as a browser or client would.
 * Given a test database's admin client, the API connects as the application role instead, as in
 * production (see applicationClientFor).
 */
export function createTestApi(db: Database, options: Partial<Omit<HttpAppOptions, "db">> = {}) {
  // Quiet unless a test listens: the observability tests pass a logger of their own.
  const log = options.log ?? createLogger({ level: "silent" });
  const app = createHttpApp({
    db: applicationClientFor(db) ?? db,
    development: false,
    secureCookies: true,
    ...options,
    log,
  });

  async function request(path: string, init: RequestInit = {}): Promise<Response> {
    return app.fetch(new Request(`http://pathfinder.test${path}`, init));
  }

  async function graphql<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<GraphQLResponse<T>> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await request("/graphql", { method: "POST", headers, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as GraphQLResponse<T>;
  }

  /** Signs in through the API and returns the bearer token. */
  async function signIn(email: string, password: string): Promise<string> {
    const result = await graphql(
      `mutation ($email: String!, $password: String!) {
        signIn(email: $email, password: $password) {
          __typename
          ... on MutationSignInSuccess { data { token } }
          ... on Error { code message }
        }
      }`,
      { email, password },
    );
    const token = result.data?.signIn?.data?.token;
    if (!token) throw new Error(`Sign-in as ${email} failed: ${JSON.stringify(result)}`);
    return token;
  }

  return { request, graphql, signIn, app, close: app.close };
}
