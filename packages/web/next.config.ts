import type { NextConfig } from "next";

// Where the Pathfinder GraphQL API runs; the browser reaches it same-origin via /graphql.
const apiUrl = (process.env.API_URL ?? "http://localhost:4000").replace(/\/+$/, "");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  async rewrites() {
    return [{ source: "/graphql", destination: `${apiUrl}/graphql` }];
  },
};

export default nextConfig;
