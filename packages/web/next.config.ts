import type { NextConfig } from "next";

// Where the Pathfinder GraphQL API runs; the browser reaches it same-origin via /graphql.
const apiUrl = (process.env.API_URL ?? "http://localhost:4000").replace(/\/+$/, "");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  async rewrites() {
    return [
      { source: "/graphql", destination: `${apiUrl}/graphql` },
      // Single sign-on: started and finished on the API, through this origin so its cookies land here.
      { source: "/auth/oidc/:path*", destination: `${apiUrl}/auth/oidc/:path*` },
    ];
  },
};

export default nextConfig;
