import * as oidc from "openid-client";
import { withAuthority } from "../../db/authority-scope.ts";
import type { Database } from "../../db/prisma-client.ts";
import type { AuthorityId } from "../../domain/ids.ts";
import type { Logger } from "../../observability/logger.ts";
import { requestLogger } from "../../observability/request-context.ts";
import { sessionCookie } from "../request-credentials.ts";
import { hashSessionToken, newSessionToken } from "../session-tokens.ts";
import { issueSession } from "../sessions.ts";
import { groupsFromClaim } from "./group-roles.ts";
import { providerConfiguration } from "./oidc-configuration.ts";
import { staffUserForSsoPerson } from "./sso-account.ts";

export const SSO_PATH_PREFIX = "/auth/oidc/";
const BROWSER_COOKIE = "pathfinder_sso";
const ATTEMPT_LIFETIME_MS = 10 * 60_000;

export interface SsoOptions {
  /** Where browsers reach this API (the redirect URI registered with each provider is built from it). */
  publicUrl: string;
  /** Where a signed-in person is sent: the portal. */
  portalUrl: string;
  secureCookies: boolean;
}

/** `/auth/oidc/<authority code>/start` and `/auth/oidc/<authority code>/callback`. */
export function ssoPaths(code: string) {
  return { start: `${SSO_PATH_PREFIX}${code}/start`, callback: `${SSO_PATH_PREFIX}${code}/callback` };
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );

/** A plain page a person can read, for the few answers that are not a redirect. */
function page(status: number, message: string, portalUrl: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in not completed - Pathfinder</title></head><body><main><h1>You could not be signed in</h1><p>${escapeHtml(message)}</p><p><a href="${escapeHtml(portalUrl)}">Back to Pathfinder</a></p></main></body></html>`;
  return new Response(html, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}

function cookieValue(request: Request, name: string): string | null {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("=")) || null;
  }
  return null;
}

const browserCookie = (value: string, maxAgeSeconds: number, secure: boolean) =>
  [`${BROWSER_COOKIE}=${value}`, `Path=${SSO_PATH_PREFIX}`, "HttpOnly", "SameSite=Lax", `Max-Age=${maxAgeSeconds}`]
    .concat(secure ? ["Secure"] : [])
    .join("; ");

async function enabledProvider(db: Database, code: string) {
  // The list of authorities is not tenant-owned; their providers are, so they are read as that authority.
  const authority = await db.authority.findUnique({ where: { code } });
  if (!authority) return null;
  const authorityId = authority.id as AuthorityId;
  const provider = await withAuthority(db, authorityId, (tx) =>
    tx.identityProvider.findUnique({ where: { authorityId }, include: { groupRoles: true } }),
  );
  return provider?.enabled ? { authority, provider: { ...provider, authorityId } } : null;
}

/** Handles the two single sign-on routes; anything else under the prefix is not found. */
export async function handleSso(request: Request, db: Database, options: SsoOptions, log: Logger): Promise<Response> {
  const [code, step] = new URL(request.url).pathname.slice(SSO_PATH_PREFIX.length).split("/");
  if (request.method !== "GET" || !code || (step !== "start" && step !== "callback"))
    return page(404, "There is no such sign-in page.", options.portalUrl);
  const found = await enabledProvider(db, code);
  if (!found) return page(404, "Your authority does not use single sign-on with Pathfinder.", options.portalUrl);
  try {
    const configuration = await providerConfiguration(found.provider);
    const callbackUrl = new URL(ssoPaths(code).callback, options.publicUrl);
    if (step === "start") return await start(db, options, found.provider, configuration, callbackUrl);
    return await callback(request, db, options, found.provider, configuration, callbackUrl);
  } catch (error) {
    // openid-client's errors name the check that failed (state, nonce, signature…), not the person.
    const { name, code: errorCode } = error as { name?: string; code?: string };
    requestLogger(log).warn({ err: { type: name, code: errorCode }, authority: code, step }, "single sign-on failed");
    return page(
      400,
      "Your sign-in could not be completed: the answer from your organisation's sign-in service could not be checked, or the service could not be reached. Start again from Pathfinder's sign-in page.",
      options.portalUrl,
    );
  }
}

async function start(
  db: Database,
  options: SsoOptions,
  provider: { authorityId: AuthorityId; scopes: string },
  configuration: oidc.Configuration,
  callbackUrl: URL,
): Promise<Response> {
  const browserToken = newSessionToken();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  await withAuthority(db, provider.authorityId, async (tx) => {
    await tx.oidcSignIn.deleteMany({ where: { expiresAt: { lt: new Date() } } });
    await tx.oidcSignIn.create({
      data: {
        authorityId: provider.authorityId,
        browserHash: hashSessionToken(browserToken),
        state,
        nonce,
        codeVerifier,
        expiresAt: new Date(Date.now() + ATTEMPT_LIFETIME_MS),
      },
    });
  });
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: callbackUrl.href,
    scope: provider.scopes,
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
  });
  return new Response(null, {
    status: 302,
    headers: {
      location: url.href,
      "set-cookie": browserCookie(browserToken, ATTEMPT_LIFETIME_MS / 1000, options.secureCookies),
      "cache-control": "no-store",
    },
  });
}

async function callback(
  request: Request,
  db: Database,
  options: SsoOptions,
  provider: NonNullable<Awaited<ReturnType<typeof enabledProvider>>>["provider"],
  configuration: oidc.Configuration,
  callbackUrl: URL,
): Promise<Response> {
  const startAgain =
    "This sign-in has expired or was started in another browser. Start again from Pathfinder's sign-in page.";
  const browserToken = cookieValue(request, BROWSER_COOKIE);
  if (!browserToken) return page(400, startAgain, options.portalUrl);
  // Used once: deleted as it is read, so a replayed callback finds nothing.
  const attempt = await withAuthority(db, provider.authorityId, (tx) =>
    tx.oidcSignIn.delete({ where: { browserHash: hashSessionToken(browserToken) } }),
  ).catch(() => null);
  if (!attempt || attempt.authorityId !== provider.authorityId || attempt.expiresAt <= new Date())
    return page(400, startAgain, options.portalUrl);

  const incoming = new URL(request.url);
  if (incoming.searchParams.has("error"))
    return page(403, "Your organisation's sign-in service did not let you in.", options.portalUrl);
  // The URL as the provider redirected to it (behind a proxy the request's own host may differ).
  const current = new URL(`${callbackUrl.href}${incoming.search}`);
  const tokens = await oidc.authorizationCodeGrant(configuration, current, {
    pkceCodeVerifier: attempt.codeVerifier,
    expectedState: attempt.state,
    expectedNonce: attempt.nonce,
    idTokenExpected: true,
  });
  const idClaims = tokens.claims();
  if (!idClaims) return page(400, startAgain, options.portalUrl);
  // Many providers put profile and group claims only in the UserInfo response.
  const userInfo = await oidc.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
  const claims: Record<string, unknown> = { ...idClaims, ...userInfo };
  // The account, its roles and the session land together, in the authority's transaction.
  const outcome = await withAuthority(db, provider.authorityId, async (tx) => {
    const result = await staffUserForSsoPerson(tx, provider, {
      subject: idClaims.sub,
      email: typeof claims.email === "string" ? claims.email : null,
      name: typeof claims.name === "string" ? claims.name : null,
      groups: groupsFromClaim(claims[provider.groupsClaim]),
    });
    return result.ok
      ? {
          ...result,
          session: await issueSession(
            tx,
            { staffUserId: result.staffUserId, authorityId: provider.authorityId },
            "oidc",
          ),
        }
      : result;
  });
  if (!outcome.ok) return page(outcome.status, outcome.message, options.portalUrl);
  const session = outcome.session;
  const headers = new Headers({ location: new URL("/", options.portalUrl).href, "cache-control": "no-store" });
  headers.append("set-cookie", sessionCookie(session.token, session.expiresAt, options.secureCookies));
  headers.append("set-cookie", browserCookie("", 0, options.secureCookies));
  return new Response(null, { status: 302, headers });
}
