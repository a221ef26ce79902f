import type { NextConfig } from "next";

// The browser reaches the API on the portal's own origin: /graphql and /attachments are
// forwarded by route handlers (app/graphql/route.ts) to API_URL, read at run time.
const production = process.env.NODE_ENV === "production";

/**
 * The portal's content security policy: everything from its own origin only, nothing framed, no
 * plugins, forms post only to itself. Next's App Router writes inline scripts to hydrate a page,
 * so scripts allow 'unsafe-inline' (a nonce would need middleware on every page); no other origin
 * can supply a script, and the API never serves HTML. Development adds 'unsafe-eval' for React's
 * fast refresh. (Security section of issue 7: SECURITY.md, "The API under attack".)
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${production ? "" : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] : []),
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The page's <title> in the <head> of the first response, for every browser: streamed
  // metadata arrives later, so a screen reader (and axe) could meet a page without a title.
  htmlLimitedBots: /.*/,
  reactStrictMode: true,
  // `npm run typecheck` (CI's typecheck step) checks the portal; checking again inside every
  // `next build` (the browser tests build once per run) would add a minute and a half.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
