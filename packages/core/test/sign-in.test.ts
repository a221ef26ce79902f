import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashSessionToken } from "../src/auth/session-tokens.ts";
import { createTestApi } from "./support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";
import { seedTwoAuthorities, TEST_PASSWORD } from "./support/two-authorities.ts";

let database: TestDatabase;
let api: ReturnType<typeof createTestApi>;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedTwoAuthorities(database.db);
  api = createTestApi(database.db);
});
afterAll(() => database.drop());

const SIGN_IN = `mutation ($email: String!, $password: String!) {
  signIn(email: $email, password: $password) {
    __typename
    ... on MutationSignInSuccess { data { token expiresAt } }
    ... on Error { code message }
    ... on ValidationError { issues { path message } }
  }
}`;
const ME = `{ me { name roles { role authority { name } area { name } } } }`;

describe("signing in", () => {
  it("with the right password gives a token that identifies the person, their roles, authority and area", async () => {
    const token = await api.signIn("lp@alpha.test", TEST_PASSWORD);
    const result = await api.graphql(ME, {}, token);
    expect(result.data?.me).toEqual({
      name: "Lead Professional Alphaton",
      roles: [{ role: "LEAD_PROFESSIONAL", authority: { name: "Alphaton" }, area: { name: "Alphaton North" } }],
    });
  });

  it("sets an HttpOnly, Secure, SameSite session cookie that works on its own", async () => {
    const response = await api.request("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: SIGN_IN, variables: { email: "LP@Alpha.test ", password: TEST_PASSWORD } }),
    });
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^pathfinder_session=[\w-]{43};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("Secure");
    expect(cookie).toContain("SameSite=Lax");
    const me = await api.request("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", cookie: cookie.split(";")[0] as string },
      body: JSON.stringify({ query: ME }),
    });
    expect(((await me.json()) as any).data.me.name).toBe("Lead Professional Alphaton");
  });

  it("with a wrong password is refused with BAD_CREDENTIALS and no session is created", async () => {
    const before = await database.db.session.count();
    const result = await api.graphql(SIGN_IN, { email: "lp@alpha.test", password: "wrong password" });
    expect(result.data?.signIn).toMatchObject({ __typename: "DomainError", code: "BAD_CREDENTIALS" });
    expect(await database.db.session.count()).toBe(before);
  });

  it("with an unknown e-mail address gets the very same answer as a wrong password", async () => {
    const result = await api.graphql(SIGN_IN, { email: "nobody@alpha.test", password: TEST_PASSWORD });
    expect(result.data?.signIn).toEqual({
      __typename: "DomainError",
      code: "BAD_CREDENTIALS",
      message: "The e-mail address or password is not right.",
    });
  });

  it("with a malformed e-mail address says what is wrong with which field", async () => {
    const result = await api.graphql(SIGN_IN, { email: "not-an-email", password: "x" });
    expect(result.data?.signIn).toMatchObject({
      __typename: "ValidationError",
      code: "INVALID_INPUT",
      issues: [{ path: "email", message: "Enter an e-mail address, like name@council.gov.uk" }],
    });
  });

  it("is refused for a deactivated account even with the right password", async () => {
    await database.db.staffUser.update({ where: { email: "admin@beta.test" }, data: { active: false } });
    const result = await api.graphql(SIGN_IN, { email: "admin@beta.test", password: TEST_PASSWORD });
    expect(result.data?.signIn).toMatchObject({ code: "BAD_CREDENTIALS" });
    await database.db.staffUser.update({ where: { email: "admin@beta.test" }, data: { active: true } });
  });

  it("stores only a hash of the session token", async () => {
    const token = await api.signIn("lp@alpha.test", TEST_PASSWORD);
    expect(await database.db.session.count({ where: { tokenHash: token } })).toBe(0);
    expect(await database.db.session.count({ where: { tokenHash: hashSessionToken(token) } })).toBe(1);
  });
});

describe("sessions", () => {
  it("an expired session is treated as signed out", async () => {
    const token = await api.signIn("lp@alpha.test", TEST_PASSWORD);
    await database.db.session.update({
      where: { tokenHash: hashSessionToken(token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await api.graphql(ME, {}, token)).data?.me).toBeNull();
    const areas = await api.graphql(`{ areas(first: 5) { edges { node { name } } } }`, {}, token);
    expect(areas.data).toBeNull();
    expect(areas.errors?.[0]?.message).toMatch(/not authorized/i);
  });

  it("signing out revokes the token at once, and clears the cookie", async () => {
    const token = await api.signIn("lp@alpha.test", TEST_PASSWORD);
    const response = await api.request("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: "mutation { signOut }" }),
    });
    expect(((await response.json()) as any).data.signOut).toBe(true);
    expect(response.headers.get("set-cookie")).toMatch(/^pathfinder_session=;.*Expires=Thu, 01 Jan 1970/);
    expect((await api.graphql(ME, {}, token)).data?.me).toBeNull();
  });

  it("a made-up token is treated as signed out", async () => {
    expect((await api.graphql(ME, {}, "made-up-token")).data?.me).toBeNull();
  });
});
