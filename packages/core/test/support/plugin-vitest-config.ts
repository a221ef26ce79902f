import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * The vitest configuration every plugin package uses: core's test server (one PostgreSQL per
 * run, a fresh database per test file) and, in CI, a JSON report for the totals line.
 */
export default defineConfig({
  // One graphql in the process (its CommonJS build, as under Node): see core's vitest.config.ts.
  resolve: { alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve("graphql") }] },
  test: {
    globalSetup: [fileURLToPath(new URL("./global-setup.ts", import.meta.url))],
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: process.env.CI ? ["default", ["json", { outputFile: "test-results/vitest.json" }]] : ["default"],
  },
});
