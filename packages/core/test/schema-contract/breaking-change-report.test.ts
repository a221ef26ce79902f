import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repositoryRoot } from "../../src/db/repository-paths.ts";

// The report is a command CI runs, so it is tested as one: its output and its exit status.
const folder = mkdtempSync(join(tmpdir(), "api-releases-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const released = join(folder, "0.3.0.graphql");
writeFileSync(
  released,
  `type Query {
  """A case by id."""
  case(id: ID!): Case
}
type Case {
  reference: String!
  plan: String!
}
`,
);

function report(currentSdl: string, version: string) {
  const current = join(folder, `current-${Math.random().toString(36).slice(2)}.graphql`);
  writeFileSync(current, currentSdl);
  const run = spawnSync(
    process.execPath,
    [
      `${repositoryRoot}node_modules/tsx/dist/cli.mjs`,
      `${repositoryRoot}packages/core/src/schema-contract/schema-breaking-cli.ts`,
      "--against",
      released,
      "--current",
      current,
      "--version",
      version,
    ],
    { encoding: "utf8" },
  );
  return { status: run.status, output: run.stdout + run.stderr };
}

const withoutPlan = `type Query {
  """A case by id."""
  case(id: ID!): Case
}
type Case {
  reference: String!
}
`;

describe("the breaking-change report against the last release", () => {
  it("flags a removed field as breaking and fails when the major version is unchanged", () => {
    const { status, output } = report(withoutPlan, "0.4.0");
    expect(output).toContain("Breaking changes: 1");
    expect(output).toMatch(/Field 'plan' .*removed from object type 'Case'/);
    expect(output).toContain("without a new major version");
    expect(status).toBe(1);
  });

  it("accepts a deprecated field, and lists the deprecation as safe", () => {
    const deprecated = withoutPlan.replace(
      "reference: String!\n",
      'reference: String!\n  plan: String! @deprecated(reason: "Use `plans`.")\n  plans: [String!]!\n',
    );
    const { status, output } = report(deprecated, "0.4.0");
    expect(output).toContain("Breaking changes: 0");
    expect(output).toMatch(/Field 'Case.plan' is deprecated/);
    expect(output).toMatch(/Field 'plans' was added to object type 'Case'/);
    expect(status).toBe(0);
  });

  it("allows a breaking change once the major version is bumped", () => {
    const { status, output } = report(withoutPlan, "1.0.0");
    expect(output).toContain("Breaking changes: 1");
    expect(output).toContain("the major version is new");
    expect(status).toBe(0);
  });
});
