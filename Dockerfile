# Pathfinder's API and portal, for running on your own machines (see docs/operations.md).
# One image, two commands: compose.yaml runs the database migration, the API and the portal
# from it. Written for Docker 24+; it was not built here (no container engine in this project's
# CI), so treat it as a starting point and check it on your own platform.

# --- build: install everything, generate the Prisma client, typecheck, build the portal ---------
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV CI=true NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
COPY . .
RUN npm ci --no-audit --no-fund
# The portal forwards /graphql to the API; Next.js fixes that address when it builds.
ARG API_URL=http://api:4000
ENV API_URL=${API_URL}
RUN npm run build

# --- runtime: the built workspace, run as an unprivileged user ----------------------------------
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1 API_PORT=4000 WEB_PORT=3000
# node_modules keeps its development packages: core runs its TypeScript through tsx (see
# docs/operations.md, "How core runs in production"), and the portal's `next start` needs `next`.
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 4000 3000
# The API; compose.yaml gives the portal and the migration their own commands.
WORKDIR /app/packages/core
# V8 flags as scripts/api-node-flags.mjs gives them (test/operations/api-node-flags.test.ts keeps them equal).
CMD ["node", "--max-semi-space-size=64", "--import", "tsx", "src/server/production-main.ts"]
