import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // One graphql in the process, as under Node: the CommonJS build that yoga, Pothos and
    // graphql-armor load. Vite would otherwise give our own files the ESM build, and graphql's
    // `instanceof` checks fail across the two ("Cannot use … from another module or realm").
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve("graphql") }],
  },
  test: {
    globalSetup: ["./test/support/global-setup.ts"],
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Each test file gets its own database, so files run in parallel safely.
    fileParallelism: true,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: process.env.CI ? ["default", ["json", { outputFile: "test-results/vitest.json" }]] : ["default"],
  },
});
