#!/usr/bin/env node
// Sums the vitest JSON reports of every package into CI's closing line, counting each
// failed non-test check (lint, typecheck) as a failure too. Exits non-zero on any failure
// or when no test ran at all.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const failedChecks = Number(process.argv[2] ?? 0);
const packageDirs = ["packages", "packages/plugins"].flatMap((dir) =>
  existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : [],
);
let passed = 0;
let failed = failedChecks;
for (const dir of packageDirs) {
  const report = join(dir, "test-results", "vitest.json");
  if (!existsSync(report)) continue;
  const results = JSON.parse(readFileSync(report, "utf8"));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  // A test file that failed to load counts as a failure even though no test in it ran.
  failed += results.testResults.filter((file) => file.status === "failed" && file.assertionResults.length === 0).length;
  console.log(`${dir}: ${results.numPassedTests} passed, ${results.numFailedTests} failed`);
}
if (passed + failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
