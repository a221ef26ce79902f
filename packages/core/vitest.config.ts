import { defineConfig } from "vitest/config";

export default defineConfig({
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
