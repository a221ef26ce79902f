// The national evaluation's extract: cost per episode across authorities, rows under the
// platform's minimum count withheld, tested at the threshold's edge.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../src/auth/password-hashing.ts";
import { DEFAULT_MIN_COUNT, evaluationMinCount } from "../../src/reports/suppression-threshold.ts";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { authorityWriter, PASSWORD } from "./support/report-world.ts";

let database: TestDatabase;
let api: ReturnType<typeof createTestApi>;
const tokens: Record<string, string> = {};
const FIELDS = "authority scheme suppressed episodes children totalCost costPerEpisode medianCostPerEpisode";

/** `episodes` cases, each with its grants (pence) and number of children, in one scheme's budget. */
async function episodes(
  writer: Awaited<ReturnType<typeof authorityWriter>>,
  scheme: string,
  cases: [number[], number][],
) {
  const budget = await writer.budget(`${scheme} fund`, null, scheme, 10_000_000, "2026-01-01T00:00:00Z");
  for (const [index, [grants, children]] of cases.entries()) {
    const names = Array.from({ length: children }, (_, child): [string, null] => [`${scheme}${index}c${child}`, null]);
    const caseId = await writer.openCase(`${scheme}-${index}`, "North", "lp", names);
    for (const [number, amount] of grants.entries())
      await writer.request({
        reference: `${scheme}-${index}-${number}`,
        caseId,
        budgetId: budget,
        status: "APPROVED",
        submittedAt: "2026-02-01T10:00:00Z",
        decidedAt: "2026-02-01T12:00:00Z",
        items: [["OTHER", amount]],
      });
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  api = createTestApi(database.db, { databaseUrl: database.appUrl });
  const hash = await hashPassword(PASSWORD);
  const alpha = await authorityWriter(database.db, "alpha", ["North", "South"], hash);
  // Three episodes, four children: exactly at a minimum of 3, so published.
  await episodes(alpha, "core", [
    [[1_000, 2_000], 1],
    [[4_000], 1],
    [[11_000], 2],
  ]);
  // Two episodes: one under the minimum, so withheld.
  await episodes(alpha, "leeds", [
    [[500], 1],
    [[700], 1],
  ]);
  // Another authority, for the platform's administrator.
  const beta = await authorityWriter(database.db, "beta", ["North", "South"], hash);
  await episodes(beta, "core", [
    [[2_000], 1],
    [[2_000], 1],
    [[5_000], 1],
  ]);
  await database.db.roleAssignment.create({
    data: { authorityId: beta.authorityId, staffUserId: beta.staff("norole"), role: "PLATFORM_ADMIN" },
  });
  for (const who of ["admin", "lp"]) tokens[who] = await api.signIn(`${who}@alpha.test`, PASSWORD);
  tokens.platform = await api.signIn("norole@beta.test", PASSWORD);
});
afterEach(() => {
  delete process.env.PATHFINDER_EVALUATION_MIN_COUNT;
});
afterAll(async () => {
  await api?.close();
  await database?.drop();
});

async function extract(who: string, filter: Record<string, unknown> = {}) {
  const result = await api.graphql(
    `query ($filter: EvaluationFilter) { evaluationExport(filter: $filter) { ${FIELDS} } }`,
    { filter },
    tokens[who],
  );
  if (result.errors) return { errors: result.errors.map((error) => error.extensions?.code) };
  return ((result.data?.evaluationExport ?? []) as Record<string, unknown>[]).map((row) => Object.values(row));
}

describe("the evaluation export", () => {
  it("at a minimum of 3: a row of exactly 3 episodes is published, a row of 2 withheld whole", async () => {
    process.env.PATHFINDER_EVALUATION_MIN_COUNT = "3";
    expect(await extract("platform")).toEqual([
      ["alpha council", "core", "no", 3, 4, 18_000, 6_000, 4_000],
      ["alpha council", "leeds", "yes", null, null, null, null, null],
      ["beta council", "core", "no", 3, 3, 9_000, 3_000, 2_000],
    ]);
  });

  it("at a minimum of 4: four children are enough, three episodes are not", async () => {
    process.env.PATHFINDER_EVALUATION_MIN_COUNT = "4";
    expect(await extract("platform", { scheme: "core" })).toEqual([
      ["alpha council", "core", "yes", null, null, null, null, null],
      ["beta council", "core", "yes", null, null, null, null, null],
    ]);
  });

  it("by default (10) everything in this small data set is withheld", async () => {
    expect((await extract("platform")) as unknown[][]).toSatisfy((rows: unknown[][]) =>
      rows.every((row) => row[2] === "yes"),
    );
  });

  it("an authority's administrator sees their own rows only; anyone else is refused", async () => {
    process.env.PATHFINDER_EVALUATION_MIN_COUNT = "3";
    expect((await extract("admin")) as unknown[][]).toHaveLength(2);
    expect(((await extract("admin")) as unknown[][]).every((row) => row[0] === "alpha council")).toBe(true);
    expect(await extract("lp")).toEqual({ errors: ["NOT_AUTHORISED"] });
  });

  it("downloads as CSV with withheld cells left empty", async () => {
    process.env.PATHFINDER_EVALUATION_MIN_COUNT = "3";
    const response = await api.request("/reports/evaluation.csv?scheme=leeds", {
      headers: { authorization: `Bearer ${tokens.platform}` },
    });
    expect(await response.text()).toBe(
      "Authority,Scheme,Suppressed (fewer than the minimum count),Episodes of support,Children,Total cost (pence),Mean cost per episode (pence),Median cost per episode (pence)\nalpha council,leeds,yes,,,,,\n",
    );
  });

  it("the platform's minimum: 10 unless set, never below 2", () => {
    expect(evaluationMinCount({})).toBe(DEFAULT_MIN_COUNT);
    expect(DEFAULT_MIN_COUNT).toBe(10);
    expect(evaluationMinCount({ PATHFINDER_EVALUATION_MIN_COUNT: "5" })).toBe(5);
    expect(() => evaluationMinCount({ PATHFINDER_EVALUATION_MIN_COUNT: "1" })).toThrow(/2 or more/);
    expect(() => evaluationMinCount({ PATHFINDER_EVALUATION_MIN_COUNT: "ten" })).toThrow(/whole number/);
  });
});
