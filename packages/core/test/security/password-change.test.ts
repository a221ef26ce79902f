import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hashPassword } from "../../src/auth/password-hashing.ts";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { seedTwoAuthorities, TEST_PASSWORD } from "../support/two-authorities.ts";

let database: TestDatabase;
let api: ReturnType<typeof createTestApi>;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedTwoAuthorities(database.db);
  api = createTestApi(database.db);
});
beforeEach(async () => {
  await database.db.signInAttempt.deleteMany();
  await database.db.staffUser.update({
    where: { email: "lp@alpha.test" },
    data: { passwordHash: await hashPassword(TEST_PASSWORD) },
  });
});
afterAll(() => database.drop());

const CHANGE = `mutation ($current: String!, $next: String!) {
  changePassword(currentPassword: $current, newPassword: $next) {
    __typename
    ... on Error { code message }
    ... on DomainError { field }
    ... on ValidationError { issues { path message } }
  }
}`;

async function change(token: string, next: string, current = TEST_PASSWORD) {
  return (await api.graphql(CHANGE, { current, next }, token)).data?.changePassword;
}

const hashNow = async () =>
  (await database.db.staffUser.findUniqueOrThrow({ where: { email: "lp@alpha.test" } })).passwordHash;

describe("the minimum password policy", () => {
  it.each([
    ["too short", "short pass", "Use at least 12 characters. A few words together is easy to remember."],
    ["a well-known password", "Password1234", "That password is too well known. Choose another."],
    ["the person's e-mail address", "my lp@alpha.test login", "Do not use your e-mail address in your password."],
    ["one character repeated", "zzzzzzzzzzzzzzzz", "Use more than three different characters."],
    ["longer than 128 characters", "a long phrase ".repeat(10), "Use at most 128 characters."],
  ])("refuses a new password that is %s, and keeps the old one", async (_case, next, message) => {
    const token = await api.signIn("lp@alpha.test", TEST_PASSWORD);
    const before = await hashNow();
    const result = await change(token, next);
    expect([result, await hashNow()]).toEqual([
      expect.objectContaining({ __typename: "ValidationError", issues: [{ path: "newPassword", message }] }),
      before,
    ]);
  });
});

describe("changing a password", () => {
  it("needs the current password, and a wrong one counts towards the sign-in lockout", async () => {
    const token = await api.signIn("lp@alpha.test", TEST_PASSWORD);
    const result = await change(token, "a new and long passphrase", "not my password");
    expect([result, await database.db.signInAttempt.count({ where: { succeeded: false } })]).toEqual([
      expect.objectContaining({ code: "BAD_CREDENTIALS", field: "currentPassword" }),
      1,
    ]);
  });

  it("needs someone signed in", async () => {
    expect((await api.graphql(CHANGE, { current: TEST_PASSWORD, next: "a new and long passphrase" })).data).toEqual({
      changePassword: expect.objectContaining({ code: "NOT_SIGNED_IN" }),
    });
  });

  it("takes effect at once: the new password signs in, the old one does not, other sessions end, this one stays", async () => {
    const other = await api.signIn("lp@alpha.test", TEST_PASSWORD);
    const current = await api.signIn("lp@alpha.test", TEST_PASSWORD);
    expect((await change(current, "a new and long passphrase")).__typename).toBe("MutationChangePasswordSuccess");
    const me = async (token: string) => (await api.graphql("{ me { email } }", {}, token)).data?.me?.email ?? null;
    expect({
      oldPassword: await api.signIn("lp@alpha.test", TEST_PASSWORD).catch(() => "refused"),
      newPassword: typeof (await api.signIn("lp@alpha.test", "a new and long passphrase")),
      otherSession: await me(other),
      thisSession: await me(current),
      audited: await database.db.auditEvent.count({ where: { action: "staff.password.change" } }),
    }).toEqual({
      oldPassword: "refused",
      newPassword: "string",
      otherSession: null,
      thisSession: "lp@alpha.test",
      audited: 1,
    });
  });
});
