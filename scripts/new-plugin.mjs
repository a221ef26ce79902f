#!/usr/bin/env node
// `npm run new-plugin -- <name>`: scaffolds packages/plugins/<name>, a scheme plugin in the shape
// of the shipped ones (manifest, zod settings, one rule, one API test, README), which typechecks
// and passes its test as generated. docs/plugin-guide.md walks through what it writes.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** "school-holidays" → "schoolHolidays" (GraphQL prefix), "SCHOOL_HOLIDAYS" (codes), "School holidays". */
export function pluginNames(id) {
  const words = id.split("-");
  const camel = words.map((word, index) => (index === 0 ? word : word[0].toUpperCase() + word.slice(1))).join("");
  return {
    id,
    camel,
    pascal: camel[0].toUpperCase() + camel.slice(1),
    constant: words.join("_").toUpperCase(),
    title: `${words[0][0].toUpperCase()}${words.join(" ").slice(1)}`,
  };
}

/** Writes the plugin's files under `<root>/packages/plugins/<id>`; returns the folder. */
export function scaffoldPlugin(root, id) {
  if (!ID.test(id))
    throw new Error(
      `"${id}" is not a plugin id: use lower-case letters, digits and single hyphens, like "school-holidays".`,
    );
  const folder = join(root, "packages", "plugins", id);
  if (existsSync(folder)) throw new Error(`${folder} already exists: choose another name.`);
  const coreVersion = JSON.parse(readFileSync(join(root, "packages", "core", "package.json"), "utf8")).version;
  const files = templates(pluginNames(id), coreVersion);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(folder, path, ".."), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  // Names change line lengths, so the project's formatter lays the files out, as it would by hand.
  spawnSync(process.execPath, [join(root, "node_modules/@biomejs/biome/bin/biome"), "check", "--write", folder], {
    cwd: root,
    stdio: "ignore",
  });
  return folder;
}

function templates(names, coreVersion) {
  const { id, camel, pascal, constant, title } = names;
  return {
    "package.json": `${JSON.stringify(
      {
        name: `@pathfinder/plugin-${id}`,
        version: "0.1.0",
        private: true,
        type: "module",
        exports: { ".": "./src/index.ts" },
        scripts: { test: "vitest run", typecheck: "tsc --noEmit" },
        dependencies: { "@pathfinder/core": "*", zod: "^4.6.7" },
        devDependencies: { vitest: "^4.1.12" },
      },
      null,
      2,
    )}\n`,
    "tsconfig.json": `{
  "extends": "../../../tsconfig.base.json",
  "include": ["src", "test", "vitest.config.ts"]
}
`,
    "vitest.config.ts": `// Core's shared plugin test set-up: real PostgreSQL, a database per test file.
export { default } from "../../core/test/support/plugin-vitest-config.ts";
`,
    "src/index.ts": `// ${title}: the scheme's manifest, its one entry point. Core reads what it declares here and
// never imports the package itself; the composition root (pathfinder.config.ts) installs it.
import { addDays, defineSchemePlugin } from "@pathfinder/core";
import { checkRequestLimit } from "./request-limit.ts";
import { ${camel}Settings } from "./settings.ts";

export default defineSchemePlugin({
  id: "${id}",
  name: "${title}",
  version: "0.1.0",
  coreVersion: "^${coreVersion}",
  settings: ${camel}Settings,
  rules: (settings) => ({
    checkSubmission: async (review) => checkRequestLimit(settings, review),
    // One decision, by an approver in the case's area. Return "self-sign-off" or "refused" to vary it.
    approvalChain: async (review) => ({
      kind: "steps",
      steps: [{ role: "APPROVER", areaId: review.case.areaId, label: "Approver" }],
    }),
    reviewDueOn: ({ approvedOn }) => addDays(approvedOn, settings.reviewDueInDays),
    receiptsDueInDays: 28,
  }),
});
`,
    "src/settings.ts": `import { z } from "zod";

const pence = z.number().int("Amounts are whole pence").positive("Amounts must be more than £0.00");

/**
 * What an authority configures when it enables the scheme (validated on every save; defaults fill
 * what is left out). Each saved version is kept, and decisions record the version they used.
 */
export const ${camel}Settings = z.looseObject({
  /** The most one request may ask for, in pence. */
  requestLimit: pence.default(50_000),
  /** Days from approval until the outcome review is due. */
  reviewDueInDays: z.number().int().min(1, "At least a day").max(365, "At most a year").default(42),
});

export type ${pascal}Settings = z.infer<typeof ${camel}Settings>;
`,
    "src/request-limit.ts": `import { formatPence, type Pence, type RequestUnderReview, type RuleViolation } from "@pathfinder/core";
import type { ${pascal}Settings } from "./settings.ts";

/** The scheme's one rule: no request over the authority's limit. Every broken rule is returned, never thrown. */
export function checkRequestLimit(
  settings: ${pascal}Settings,
  { request }: RequestUnderReview,
): RuleViolation[] {
  if (request.total <= settings.requestLimit) return [];
  return [
    {
      code: "${constant}_OVER_LIMIT",
      message: \`${title} funds up to \${formatPence(settings.requestLimit as Pence)} a request; \${formatPence(request.total)} is over that.\`,
      field: "items",
    },
  ];
}
`,
    [`test/${id}-rules.test.ts`]: `// Through the real API and PostgreSQL, as a lead professional and an approver would use it: core's
// demo authority (Kingsbridge Vale) turns the scheme on and gives it a budget.
import {
  createTestApi,
  createTestDatabase,
  demoStaffClient,
  seedDemoData,
  type TestDatabase,
} from "@pathfinder/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import plugin from "../src/index.ts";

const ADMIN = "admin@kingsbridge.example";
const BUDGET_MANAGER = "budgets@kingsbridge.example";
const LEAD_PROFESSIONAL = "lp@kingsbridge.example";
const APPROVER = "approver@kingsbridge.example"; // Northgate's locality co-ordinator

let database: TestDatabase;
let staff: ReturnType<typeof demoStaffClient>;
let caseId: string;
let budgetId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db, [plugin]);
  staff = demoStaffClient(createTestApi(database.db, { plugins: [plugin] }));
  await staff.call(ADMIN, \`mutation { enablePlugin(schemeId: "\${plugin.id}") { __typename } }\`);
  const year = new Date().getUTCFullYear();
  const budget = await staff.call(
    BUDGET_MANAGER,
    \`mutation ($input: CreateBudgetInput!) {
      createBudget(input: $input) { ... on MutationCreateBudgetSuccess { data { id } } }
    }\`,
    {
      input: {
        name: "${title} fund",
        scheme: plugin.id,
        periodStart: \`\${year}-01-01\`,
        periodEnd: \`\${year}-12-31\`,
        initialAllocation: 1_000_000,
      },
    },
  );
  budgetId = budget.createBudget.data.id;
  const cases = await staff.call(
    LEAD_PROFESSIONAL,
    "{ cases(status: OPEN, first: 50) { edges { node { id area { name } latestAssessment { id } } } } }",
  );
  // A case with its assessment done, in Northgate, the area the demo approver decides for.
  caseId = cases.cases.edges.find((edge: any) => edge.node.latestAssessment && edge.node.area.name === "Northgate")
    .node.id;
});
afterAll(() => database.drop());

/** Drafts a cash request for one item at \`pence\` and submits it. */
async function submitRequest(pence: number) {
  const draft = await staff.call(
    LEAD_PROFESSIONAL,
    \`mutation ($input: CreatePurchaseRequestInput!) {
      createPurchaseRequest(input: $input) { ... on MutationCreatePurchaseRequestSuccess { data { id } } }
    }\`,
    {
      input: {
        caseId,
        budgetId,
        route: "CASH",
        items: [{ category: "OTHER", description: "Swimming lessons", unitCost: pence }],
        intendedOutcomes: "Confidence in the water before the school trip.",
        ecmOutcomes: ["BE_HEALTHY"],
        otherFundingExplanation: "No other fund covers leisure activities.",
      },
    },
  );
  const submitted = await staff.call(
    LEAD_PROFESSIONAL,
    \`mutation ($id: ID!) {
      submitPurchaseRequest(id: $id) {
        __typename
        ... on MutationSubmitPurchaseRequestSuccess { data { id status currentStep { label } } }
        ... on RulesBrokenError { violations { code message } }
      }
    }\`,
    { id: draft.createPurchaseRequest.data.id },
  );
  return submitted.submitPurchaseRequest;
}

describe("the scheme's request limit", () => {
  it("refuses a request over the limit, saying why", async () => {
    const result = await submitRequest(50_001);
    expect(result.__typename).toBe("RulesBrokenError");
    expect(result.violations).toContainEqual({
      code: "${constant}_OVER_LIMIT",
      message: "${title} funds up to £500.00 a request; £500.01 is over that.",
    });
  });

  it("sends a request at the limit to the area's approver, who approves it", async () => {
    const result = await submitRequest(50_000);
    expect(result.data).toMatchObject({ status: "AWAITING_DECISION", currentStep: { label: "Approver" } });
    const decided = await staff.call(
      APPROVER,
      \`mutation ($id: ID!) {
        decidePurchaseRequest(id: $id, decision: APPROVE) {
          __typename
          ... on MutationDecidePurchaseRequestSuccess { data { status } }
          ... on Error { code message }
        }
      }\`,
      { id: result.data.id },
    );
    expect(decided.decidePurchaseRequest).toEqual({
      __typename: "MutationDecidePurchaseRequestSuccess",
      data: { status: "APPROVED" },
    });
  });
});
`,
    "README.md": `# ${title}

A Pathfinder scheme plugin, scaffolded by \`npm run new-plugin -- ${id}\`. See
[the plugin guide](../../../docs/plugin-guide.md) for the contract and what to change next.

| File | What it is |
| --- | --- |
| \`src/index.ts\` | The manifest: everything the scheme contributes, in one \`defineSchemePlugin\` call |
| \`src/settings.ts\` | The settings an authority configures (zod): \`requestLimit\`, \`reviewDueInDays\` |
| \`src/request-limit.ts\` | The scheme's one rule: no request over the authority's limit |
| \`test/${id}-rules.test.ts\` | The rule and the approval chain, through the real API and PostgreSQL |

\`\`\`bash
npm install                                  # once: links the new workspace package
npx tsc --noEmit -p packages/plugins/${id}   # typecheck
cd packages/plugins/${id} && npx vitest run  # its tests
\`\`\`

To run it, add it to \`pathfinder.config.ts\` (the composition root), run \`npm run schema\`, and
enable it for an authority (\`enablePlugin(schemeId: "${id}")\`, or the portal's scheme settings).
`,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const id = process.argv[2];
  if (!id) {
    console.error("Usage: npm run new-plugin -- <name>   (lower-case, hyphens: school-holidays)");
    process.exit(1);
  }
  try {
    const folder = scaffoldPlugin(fileURLToPath(new URL("..", import.meta.url)), id);
    console.log(`Created ${folder}.
Next: npm install (links the package), then add it to pathfinder.config.ts and run npm run schema.
The guide: docs/plugin-guide.md`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
