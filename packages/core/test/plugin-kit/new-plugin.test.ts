import { spawn, spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { repositoryRoot } from "../../src/db/repository-paths.ts";

// `npm run new-plugin` promises a plugin that builds and passes its test as generated. This
// scaffolds one into the real workspace layout (it must sit in packages/plugins to resolve core,
// its tsconfig and its vitest set-up as a real plugin does), checks it as CI would, and removes it.
const id = `kit-check-${Date.now().toString(36)}`;
const folder = `${repositoryRoot}packages/plugins/${id}`;
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const newPlugin = (name: string) =>
  spawnSync(process.execPath, ["scripts/new-plugin.mjs", name], { cwd: repositoryRoot, encoding: "utf8" });

/** Runs a command to the end, without blocking the event loop (two run side by side). */
function run(args: string[], cwd: string): Promise<{ status: number | null; output: string }> {
  const { CI: _ci, ...env } = process.env;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...env, NO_COLOR: "1" } });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (status) => resolve({ status, output }));
  });
}

describe("npm run new-plugin", () => {
  it("scaffolds a plugin that is lint-clean, typechecks and passes its own test as generated", async () => {
    const created = newPlugin(id);
    expect(created.stderr).toBe("");
    for (const file of [
      "package.json",
      "tsconfig.json",
      "vitest.config.ts",
      "README.md",
      "src/index.ts",
      "src/settings.ts",
      "src/request-limit.ts",
      `test/${id}-rules.test.ts`,
    ])
      expect(existsSync(`${folder}/${file}`), file).toBe(true);

    const lint = await run(["node_modules/@biomejs/biome/bin/biome", "check", folder], repositoryRoot);
    expect(lint.status, lint.output).toBe(0);
    const [typecheck, tests] = await Promise.all([
      run([`${repositoryRoot}node_modules/typescript/bin/tsc`, "--noEmit", "-p", "."], folder),
      run([`${repositoryRoot}node_modules/vitest/vitest.mjs`, "run"], folder),
    ]);
    expect(typecheck.status, typecheck.output).toBe(0);
    expect(tests.status, tests.output).toBe(0);
    expect(tests.output).toMatch(/Tests\s+2 passed/);
  }, 240_000);

  it("refuses a name that is not a plugin id, and a plugin that already exists", () => {
    const badName = newPlugin("School Holidays");
    expect(badName.status).toBe(1);
    expect(badName.stderr).toContain('"School Holidays" is not a plugin id');
    const existing = newPlugin("devon");
    expect(existing.status).toBe(1);
    expect(existing.stderr).toContain("already exists");
  });
});
