import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Core's test server: one PostgreSQL for the run, a fresh database per test file.
    globalSetup: ["../../core/test/support/global-setup.ts"],
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: process.env.CI ? ["default", ["json", { outputFile: "test-results/vitest.json" }]] : ["default"],
  },
});
