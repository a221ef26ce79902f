import type { NextConfig } from "next";

// The browser reaches the API on the portal's own origin: /graphql and /attachments are
// forwarded by route handlers (app/graphql/route.ts) to API_URL, read at run time.
const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
