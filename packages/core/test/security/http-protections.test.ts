import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { seedTwoAuthorities, TEST_PASSWORD } from "../support/two-authorities.ts";

let database: TestDatabase;
let api: ReturnType<typeof createTestApi>;
let cookie: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedTwoAuthorities(database.db);
  api = createTestApi(database.db, { development: false, secureCookies: true });
  const response = await api.request("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: `mutation { signIn(email: "lp@alpha.test", password: "${TEST_PASSWORD}") { __typename } }`,
    }),
  });
  cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] as string;
});
afterAll(() => database.drop());

const ME = "{ me { name } }";

describe("cross-site request forgery", () => {
  it("refuses a form-encoded POST that carries only the session cookie (what a forged form sends)", async () => {
    const response = await api.request("/graphql", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      body: new URLSearchParams({ query: `mutation { signOut }` }).toString(),
    });
    expect(response.status).toBe(403);
  });

  it("refuses a GET that carries only the session cookie (what an image tag sends)", async () => {
    const response = await api.request(`/graphql?query=${encodeURIComponent(ME)}`, { headers: { cookie } });
    expect(response.status).toBe(403);
  });

  it("answers the same GET with the portal's CSRF header", async () => {
    const response = await api.request(`/graphql?query=${encodeURIComponent(ME)}`, {
      headers: { cookie, "x-pathfinder-csrf": "1" },
    });
    expect(await response.json()).toEqual({ data: { me: { name: "Lead Professional Alphaton" } } });
  });

  it("grants no other origin a CORS preflight, so no other site can read an answer", async () => {
    const response = await api.request("/graphql", {
      method: "OPTIONS",
      headers: {
        origin: "https://evil.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, x-pathfinder-csrf",
      },
    });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("security headers on API responses", () => {
  it("sets nosniff, no framing, no referrer, a deny-all content security policy, HSTS and no caching", async () => {
    const response = await api.request("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ query: ME }),
    });
    const headers = Object.fromEntries(
      [
        "x-content-type-options",
        "x-frame-options",
        "referrer-policy",
        "content-security-policy",
        "strict-transport-security",
        "cache-control",
        "cross-origin-resource-policy",
      ].map((name) => [name, response.headers.get(name)]),
    );
    expect(headers).toEqual({
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "referrer-policy": "no-referrer",
      "content-security-policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      "strict-transport-security": "max-age=31536000; includeSubDomains",
      "cache-control": "no-store",
      "cross-origin-resource-policy": "same-origin",
    });
  });

  it("sets them on health checks too", async () => {
    expect((await api.request("/healthz")).headers.get("x-content-type-options")).toBe("nosniff");
  });
});
