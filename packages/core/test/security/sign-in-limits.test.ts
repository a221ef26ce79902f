import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SIGN_IN_LIMITS } from "../../src/auth/sign-in-throttle.ts";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { seedTwoAuthorities, TEST_PASSWORD } from "../support/two-authorities.ts";

let database: TestDatabase;
// Two API instances on one database: two replicas behind a load balancer.
let replicaA: ReturnType<typeof createTestApi>;
let replicaB: ReturnType<typeof createTestApi>;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedTwoAuthorities(database.db);
  replicaA = createTestApi(database.db, { trustProxy: true });
  replicaB = createTestApi(database.db, { trustProxy: true });
});
beforeEach(() => database.db.signInAttempt.deleteMany());
afterAll(() => database.drop());

const SIGN_IN = `mutation ($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { __typename ... on Error { code message } }
}`;

/** Signs in from a client address (as our reverse proxy reports it) and returns the result's code. */
async function signIn(api: ReturnType<typeof createTestApi>, email: string, password: string, from = "203.0.113.7") {
  const response = await api.request("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": from },
    body: JSON.stringify({ query: SIGN_IN, variables: { email, password } }),
  });
  const body = (await response.json()) as { data: { signIn: { __typename: string; code?: string } } };
  return body.data.signIn.code ?? body.data.signIn.__typename;
}

async function fail(times: number, email: string, from?: string) {
  for (let i = 0; i < times; i += 1)
    expect(await signIn(replicaA, email, "wrong password", from)).toBe("BAD_CREDENTIALS");
}

describe("sign-in attempts per account", () => {
  it(`locks an account after ${SIGN_IN_LIMITS.failuresPerAccount} failures: even the right password is refused, and no session is issued`, async () => {
    await fail(SIGN_IN_LIMITS.failuresPerAccount, "lp@alpha.test");
    const sessions = await database.db.session.count();
    expect([await signIn(replicaA, "lp@alpha.test", TEST_PASSWORD), await database.db.session.count()]).toEqual([
      "TOO_MANY_ATTEMPTS",
      sessions,
    ]);
  });

  it("keeps the lock in the database, so another replica refuses too", async () => {
    await fail(SIGN_IN_LIMITS.failuresPerAccount, "lp@alpha.test");
    expect(await signIn(replicaB, "lp@alpha.test", TEST_PASSWORD)).toBe("TOO_MANY_ATTEMPTS");
  });

  it("locks an address that has no account in just the same way, so a lock reveals nothing", async () => {
    await fail(SIGN_IN_LIMITS.failuresPerAccount, "nobody@alpha.test");
    expect(await signIn(replicaA, "nobody@alpha.test", "anything")).toBe("TOO_MANY_ATTEMPTS");
  });

  it("counts the address however it is typed (case, spaces)", async () => {
    await fail(SIGN_IN_LIMITS.failuresPerAccount, " LP@Alpha.Test ");
    expect(await signIn(replicaA, "lp@alpha.test", TEST_PASSWORD)).toBe("TOO_MANY_ATTEMPTS");
  });

  it(`lets the person in again once ${SIGN_IN_LIMITS.windowMinutes} minutes have passed`, async () => {
    await fail(SIGN_IN_LIMITS.failuresPerAccount, "lp@alpha.test");
    await database.db.signInAttempt.updateMany({
      data: { attemptedAt: new Date(Date.now() - (SIGN_IN_LIMITS.windowMinutes + 1) * 60_000) },
    });
    expect(await signIn(replicaA, "lp@alpha.test", TEST_PASSWORD)).toBe("MutationSignInSuccess");
  });

  it("forgets earlier failures after a successful sign-in", async () => {
    await fail(SIGN_IN_LIMITS.failuresPerAccount - 1, "lp@alpha.test");
    expect(await signIn(replicaA, "lp@alpha.test", TEST_PASSWORD)).toBe("MutationSignInSuccess");
    await fail(SIGN_IN_LIMITS.failuresPerAccount - 1, "lp@alpha.test");
    expect(await signIn(replicaA, "lp@alpha.test", TEST_PASSWORD)).toBe("MutationSignInSuccess");
  });

  it("holds under concurrency: of many simultaneous guesses, no more than the limit are checked", async () => {
    const guesses = await Promise.all(
      Array.from({ length: 20 }, () => signIn(replicaA, "admin@alpha.test", "wrong password")),
    );
    expect(guesses.filter((code) => code === "BAD_CREDENTIALS").length).toBeLessThanOrEqual(
      SIGN_IN_LIMITS.failuresPerAccount,
    );
  });
});

describe("attempts with hostile addresses", () => {
  it("counts an address with a NUL character (found by the property tests: it was a 500) and refuses it as invalid", async () => {
    expect(await signIn(replicaA, "lp\u0000@alpha.test", "wrong password")).toBe("INVALID_INPUT");
  });
});

describe("sign-in attempts per client address", () => {
  it(`refuses an address after ${SIGN_IN_LIMITS.failuresPerAddress} failures across accounts, but not another address`, async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.failuresPerAddress; i += 1)
      expect(await signIn(replicaA, `guess${i}@alpha.test`, "wrong password", "198.51.100.9")).toBe("BAD_CREDENTIALS");
    expect([
      await signIn(replicaA, "admin@alpha.test", TEST_PASSWORD, "198.51.100.9"),
      await signIn(replicaA, "admin@alpha.test", TEST_PASSWORD, "203.0.113.50"),
    ]).toEqual(["TOO_MANY_ATTEMPTS", "MutationSignInSuccess"]);
  });

  it("takes the address our proxy appended, not one the client put first in X-Forwarded-For", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.failuresPerAddress; i += 1)
      await signIn(replicaA, `guess${i}@alpha.test`, "wrong password", `10.0.0.${i}, 198.51.100.9`);
    expect(await signIn(replicaA, "admin@alpha.test", TEST_PASSWORD, "10.9.9.9, 198.51.100.9")).toBe(
      "TOO_MANY_ATTEMPTS",
    );
  });
});
