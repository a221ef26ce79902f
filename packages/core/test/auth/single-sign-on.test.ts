// Single sign-on against a real OpenID Connect provider (oidc-provider) on loopback: the API
// runs on loopback too, and a browser-like client walks the whole flow over HTTP.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createServerAdapter } from "@whatwg-node/server";
import Provider, { type Account } from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../../src/auth/request-credentials.ts";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { seedTwoAuthorities, TEST_PASSWORD } from "../support/two-authorities.ts";
import { Browser } from "./browser.ts";

const PORTAL = "http://portal.test";
const CLIENT_SECRET = "a-client-secret-long-enough-for-hs256-0123456789";

/** The provider's people: the login name typed on its form is the subject. */
const people: Record<string, { email: string; name: string; groups: string[] }> = {
  "ada-sub": { email: "ada.north@alpha.test", name: "Ada North", groups: ["pf-approvers-north", "all-staff"] },
  "lp-sub": { email: "lp@alpha.test", name: "Lead Professional Alphaton", groups: ["pf-lead-professionals"] },
  "pat-sub": { email: "pat@alpha.test", name: "Pat Canteen", groups: ["all-staff", "canteen"] },
  "beta-sub": { email: "admin@beta.test", name: "Admin Betaford", groups: ["pf-lead-professionals"] },
};

let database: TestDatabase;
let world: Awaited<ReturnType<typeof seedTwoAuthorities>>;
let api: ReturnType<typeof createTestApi>;
let apiServer: Server;
let providerServer: Server;
let apiUrl: string;
let issuer: string;

const listen = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedTwoAuthorities(database.db);
  apiServer = createServer();
  apiUrl = await listen(apiServer);
  api = createTestApi(database.db, { sso: { publicUrl: apiUrl, portalUrl: PORTAL }, secureCookies: false });
  apiServer.on("request", createServerAdapter(api.app.fetch));

  providerServer = createServer();
  issuer = await listen(providerServer);
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: "pathfinder-alpha",
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${apiUrl}/auth/oidc/alpha/callback`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    claims: { openid: ["sub"], email: ["email"], profile: ["name"], groups: ["groups"] },
    findAccount: async (_ctx: unknown, id: string): Promise<Account | undefined> => {
      const person = people[id];
      return person && { accountId: id, claims: async () => ({ sub: id, ...person }) };
    },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["a-cookie-signing-key-for-the-test-provider"] },
    pkce: { required: () => true },
  });
  providerServer.on("request", provider.callback());
});
afterAll(async () => {
  await new Promise((resolve) => apiServer.close(resolve));
  await new Promise((resolve) => providerServer.close(resolve));
  await database.drop();
});

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");

const CONFIGURE = `mutation ($input: ConfigureIdentityProviderInput!) {
  configureIdentityProvider(input: $input) {
    __typename
    ... on MutationConfigureIdentityProviderSuccess { data { issuer clientId signInPath callbackPath groupRoles { group role areaName } } }
    ... on Error { code message }
    ... on DomainError { field }
  }
}`;

function alphaSetUp(overrides: Record<string, unknown> = {}) {
  return {
    issuer,
    clientId: "pathfinder-alpha",
    clientSecret: CLIENT_SECRET,
    scopes: "openid email profile groups",
    groupRoles: [
      {
        group: "pf-approvers-north",
        role: "APPROVER",
        areaId: globalId("Area", world.a.areas.get("Alphaton North") as string),
      },
      { group: "pf-lead-professionals", role: "LEAD_PROFESSIONAL" },
    ],
    ...overrides,
  };
}

/** Walks the provider's login and consent pages as `subject`; ends at the API's answer to the callback. */
async function signInThroughProvider(browser: Browser, subject: string) {
  const login = await browser.follow(`${apiUrl}/auth/oidc/alpha/start`);
  expect(login.url.startsWith(issuer)).toBe(true);
  const loginPage = await login.response.text();
  expect(loginPage).toContain('name="login"');
  const consent = await browser.submitForm(
    login.url,
    loginPage,
    { prompt: "login", login: subject, password: "anything" },
    PORTAL,
  );
  if (!consent.url.startsWith(issuer)) return consent;
  return browser.submitForm(consent.url, await consent.response.text(), { prompt: "consent" }, PORTAL);
}

const ME = "{ me { email name roles { role area { name } } } }";

describe("setting up single sign-on", () => {
  it("is for the authority's administrator alone, and refuses what would be unsafe", async () => {
    const lp = await api.signIn("lp@alpha.test", TEST_PASSWORD);
    const refused = await api.graphql(CONFIGURE, { input: alphaSetUp() }, lp);
    expect(refused.data?.configureIdentityProvider).toMatchObject({ code: "NOT_AUTHORISED" });
    expect(await database.db.identityProvider.count()).toBe(0);

    const admin = await api.signIn("admin@alpha.test", TEST_PASSWORD);
    const platform = await api.graphql(
      CONFIGURE,
      { input: alphaSetUp({ groupRoles: [{ group: "it", role: "PLATFORM_ADMIN" }] }) },
      admin,
    );
    expect(platform.data?.configureIdentityProvider).toMatchObject({
      code: "ROLE_NOT_GRANTABLE",
      field: "input.groupRoles.0.role",
    });
    const insecure = await api.graphql(CONFIGURE, { input: alphaSetUp({ issuer: "http://login.example.org" }) }, admin);
    expect(insecure.data?.configureIdentityProvider).toMatchObject({ code: "INSECURE_ISSUER" });
    const otherArea = await api.graphql(
      CONFIGURE,
      {
        input: alphaSetUp({
          groupRoles: [
            { group: "x", role: "APPROVER", areaId: globalId("Area", world.b.areas.get("Betaford North") as string) },
          ],
        }),
      },
      admin,
    );
    expect(otherArea.data?.configureIdentityProvider).toMatchObject({ code: "NOT_FOUND" });
    expect(await database.db.identityProvider.count()).toBe(0);

    const saved = await api.graphql(CONFIGURE, { input: alphaSetUp() }, admin);
    expect(saved.data?.configureIdentityProvider.data).toMatchObject({
      issuer,
      signInPath: "/auth/oidc/alpha/start",
      callbackPath: "/auth/oidc/alpha/callback",
      groupRoles: [
        { group: "pf-approvers-north", role: "APPROVER", areaName: "Alphaton North" },
        { group: "pf-lead-professionals", role: "LEAD_PROFESSIONAL", areaName: null },
      ],
    });
    const read = await api.graphql("{ identityProvider { clientId groupsClaim enabled } }", {}, admin);
    expect(read.data?.identityProvider).toEqual({ clientId: "pathfinder-alpha", groupsClaim: "groups", enabled: true });
    expect(JSON.stringify(read)).not.toContain(CLIENT_SECRET);
    const peek = await api.graphql("{ identityProvider { clientId } }", {}, lp);
    expect(peek.errors?.[0]?.message).toMatch(/administrator/);
  });
});

describe("signing in with the organisation's account", () => {
  it("creates a new member of staff with the roles their groups map to, and signs them in", async () => {
    const browser = new Browser();
    const { response } = await signInThroughProvider(browser, "ada-sub");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${PORTAL}/`);
    const token = browser.cookie(new URL(apiUrl).host, SESSION_COOKIE) as string;
    expect(token).toBeTruthy();

    const me = await api.graphql(ME, {}, token);
    expect(me.data?.me).toEqual({
      email: "ada.north@alpha.test",
      name: "Ada North",
      roles: [{ role: "APPROVER", area: { name: "Alphaton North" } }],
    });
    const user = await database.db.staffUser.findUniqueOrThrow({
      where: { email: "ada.north@alpha.test" },
      include: { sessions: true },
    });
    expect(user).toMatchObject({ authorityId: world.a.authorityId, passwordHash: null });
    expect(user.sessions.map((session) => session.method)).toEqual(["oidc"]);
  });

  it("finds an existing member of staff by e-mail address and replaces their roles with their groups'", async () => {
    const lpId = world.a.staff.get("lp@alpha.test") as string;
    await database.db.roleAssignment.create({
      data: { authorityId: world.a.authorityId, staffUserId: lpId, role: "BUDGET_MANAGER" },
    });
    const browser = new Browser();
    const { response } = await signInThroughProvider(browser, "lp-sub");
    expect(response.status).toBe(302);
    const me = await api.graphql(ME, {}, browser.cookie(new URL(apiUrl).host, SESSION_COOKIE));
    expect(me.data?.me).toMatchObject({ email: "lp@alpha.test", roles: [{ role: "LEAD_PROFESSIONAL", area: null }] });
    expect(await database.db.externalIdentity.findFirst({ where: { subject: "lp-sub" } })).toMatchObject({
      staffUserId: lpId,
    });
  });

  it("refuses a person in no mapped group with a clear message, and issues no session", async () => {
    const sessionsBefore = await database.db.session.count();
    const browser = new Browser();
    const { response } = await signInThroughProvider(browser, "pat-sub");
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("not in any group that gives access to Pathfinder");
    expect(browser.cookie(new URL(apiUrl).host, SESSION_COOKIE)).toBeUndefined();
    expect(await database.db.session.count()).toBe(sessionsBefore);
    expect(await database.db.staffUser.count({ where: { email: "pat@alpha.test" } })).toBe(0);
  });

  it("refuses a person whose e-mail address belongs to another authority's staff", async () => {
    const browser = new Browser();
    const { response } = await signInThroughProvider(browser, "beta-sub");
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("another authority");
  });

  it("refuses a callback with a changed state, one replayed, and one from another browser", async () => {
    const browser = new Browser();
    // Stop where the provider sends the browser back to the API, to tamper with the callback.
    const login = await browser.follow(`${apiUrl}/auth/oidc/alpha/start`);
    const consent = await browser.submitForm(
      login.url,
      await login.response.text(),
      { prompt: "login", login: "ada-sub", password: "x" },
      apiUrl,
    );
    const back = await browser.submitForm(consent.url, await consent.response.text(), { prompt: "consent" }, apiUrl);
    const callback = new URL(back.response.headers.get("location") as string);
    expect(callback.pathname).toBe("/auth/oidc/alpha/callback");

    const stranger = new Browser();
    expect((await stranger.send(callback.href)).status).toBe(400);

    const tampered = new URL(callback);
    tampered.searchParams.set("state", "not-the-state-we-sent");
    const refused = await browser.send(tampered.href);
    expect(refused.status).toBe(400);
    expect(browser.cookie(new URL(apiUrl).host, SESSION_COOKIE)).toBeUndefined();
    // The attempt was used up by the tampered callback: the genuine one cannot be replayed after it.
    expect((await browser.send(callback.href)).status).toBe(400);
    expect(browser.cookie(new URL(apiUrl).host, SESSION_COOKIE)).toBeUndefined();
  });

  it("says so when the authority has no single sign-on", async () => {
    const response = await fetch(`${apiUrl}/auth/oidc/beta/start`, { redirect: "manual" });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("does not use single sign-on");
  });
});
