import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Browser journeys: core's test PostgreSQL (a fresh database per file), the real API and the
 * built portal, driven in Debian's Chromium. Files run one after another: each starts its own
 * API, portal and browser, and two at once would crowd a small machine.
 */
export default defineConfig({
  test: {
    globalSetup: [fileURLToPath(import.meta.resolve("@pathfinder/core/test-global-setup"))],
    include: ["test/**/*.test.ts", "lib/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
    reporters: process.env.CI ? ["default", ["json", { outputFile: "test-results/vitest.json" }]] : ["default"],
  },
});
