import { defineConfig } from "vitest/config";

/**
 * Browser journeys: the real API on core's test PostgreSQL and the built portal, started once
 * (test/support/global-setup.ts), driven in Debian's Chromium. Files run one after another:
 * each drives its own browser, and two at once would crowd a small machine.
 */
export default defineConfig({
  test: {
    globalSetup: ["./test/support/global-setup.ts"],
    include: ["test/**/*.test.ts", "lib/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
    reporters: process.env.CI ? ["default", ["json", { outputFile: "test-results/vitest.json" }]] : ["default"],
  },
});
