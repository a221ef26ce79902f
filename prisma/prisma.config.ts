// Prisma's CLI reads this for `prisma generate` only: migrations are plain SQL files in
// ./migrations applied by Postgrator (see packages/core/src/db/migrations.ts), because
// Prisma Migrate needs a schema engine binary that cannot be downloaded on our machines.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "schema",
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/pathfinder" },
});
