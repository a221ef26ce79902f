// A scheme may forbid cover for an approver's decisions: in an authority running it, arrangeCover
// is refused with the scheme's reason and nothing is written; elsewhere cover is arranged as ever.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineSchemePlugin, type SchemePlugin } from "../../src/plugins/plugin-contract.ts";
import { coreScheme } from "../../src/schemes/core-scheme.ts";
import { addStaff } from "../suppliers/add-staff.ts";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { seedTwoAuthorities, TEST_PASSWORD } from "../support/two-authorities.ts";

const strict = defineSchemePlugin({
  id: "no-cover",
  name: "No Cover",
  version: "1.0.0",
  coreVersion: "^0.1.0",
  settings: z.object({}),
  rules: () => coreScheme,
  cover: () => "The panel decides every request itself; nobody covers for its members.",
});

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
const ARRANGE = `mutation ($input: CoverInput!) { arrangeCover(input: $input) {
  __typename ... on Error { code message } ... on MutationArrangeCoverSuccess { data { delegate { name } } } } }`;

let database: TestDatabase;
let api: ReturnType<typeof createTestApi>;
let seeded: Awaited<ReturnType<typeof seedTwoAuthorities>>;

beforeAll(async () => {
  database = await createTestDatabase();
  seeded = await seedTwoAuthorities(database.db);
  for (const [authority, code] of [
    [seeded.a, "alpha"],
    [seeded.b, "beta"],
  ] as const) {
    await addStaff(database.db, authority.authorityId, `approver@${code}.test`, "APPROVER");
    await addStaff(database.db, authority.authorityId, `approver2@${code}.test`, "APPROVER");
  }
  // Alphaton runs the scheme that forbids cover; Betaford does not.
  await database.db.authorityScheme.create({ data: { authorityId: seeded.a.authorityId, schemeId: "no-cover" } });
  await database.db.schemeSettings.create({
    data: {
      authorityId: seeded.a.authorityId,
      schemeId: "no-cover",
      version: 1,
      settings: {},
      effectiveFrom: new Date("2020-01-01"),
    },
  });
  api = createTestApi(database.db, { plugins: [strict as SchemePlugin] });
});
afterAll(() => database.drop());

async function arrange(code: string) {
  const token = await api.signIn(`approver@${code}.test`, TEST_PASSWORD);
  const colleague = await database.db.staffUser.findUniqueOrThrow({ where: { email: `approver2@${code}.test` } });
  const today = new Date().toISOString().slice(0, 10);
  const result = await api.graphql(
    ARRANGE,
    { input: { delegateId: globalId("StaffUser", colleague.id), startsOn: today, endsOn: today, reason: "Leave" } },
    token,
  );
  return result.data?.arrangeCover;
}

describe("a scheme that forbids cover", () => {
  it("refuses it in an authority running the scheme, with the scheme's reason, and writes nothing", async () => {
    expect(await arrange("alpha")).toEqual({
      __typename: "DomainError",
      code: "COVER_NOT_ALLOWED",
      message: "The panel decides every request itself; nobody covers for its members.",
    });
    expect(await database.db.delegation.count({ where: { authorityId: seeded.a.authorityId } })).toBe(0);
  });

  it("leaves other authorities' cover alone", async () => {
    expect(await arrange("beta")).toEqual({
      __typename: "MutationArrangeCoverSuccess",
      data: { delegate: { name: "Test approver" } },
    });
  });
});
