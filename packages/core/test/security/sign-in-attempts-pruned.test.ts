// Sign-in attempts hold personal data (an address as typed, a network address): the daily job
// removes them after their retention period, run as the application role, and never removes one
// the limits still count.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  pruneSignInAttempts,
  SIGN_IN_ATTEMPT_RETENTION_DAYS,
  signInAttemptRetentionDays,
} from "../../src/auth/prune-sign-in-attempts.ts";
import { SIGN_IN_LIMITS } from "../../src/auth/sign-in-throttle.ts";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { seedTwoAuthorities, TEST_PASSWORD } from "../support/two-authorities.ts";

let database: TestDatabase;
const DAY = 24 * 60 * 60_000;
const now = new Date();
const ago = (milliseconds: number) => new Date(now.getTime() - milliseconds);

beforeAll(async () => {
  database = await createTestDatabase();
  await seedTwoAuthorities(database.db);
});
beforeEach(() => database.db.signInAttempt.deleteMany());
afterAll(() => database.drop());

const attempt = (account: string, attemptedAt: Date, succeeded = false) =>
  database.db.signInAttempt.create({ data: { account, clientAddress: "203.0.113.9", attemptedAt, succeeded } });

describe("old sign-in attempts are pruned", () => {
  it(`removes attempts older than ${SIGN_IN_ATTEMPT_RETENTION_DAYS} days and keeps the rest`, async () => {
    await attempt("old@alpha.test", ago(SIGN_IN_ATTEMPT_RETENTION_DAYS * DAY + 60_000));
    await attempt("old@alpha.test", ago(400 * DAY), true);
    await attempt("kept@alpha.test", ago(SIGN_IN_ATTEMPT_RETENTION_DAYS * DAY - 60_000));
    await attempt("kept@alpha.test", ago(60_000));
    expect(await pruneSignInAttempts(database.app, now)).toBe(2);
    const left = await database.db.signInAttempt.findMany({ select: { account: true } });
    expect(left.map((row) => row.account)).toEqual(["kept@alpha.test", "kept@alpha.test"]);
  });

  it("never removes an attempt the limits still count, however short the retention asked for", async () => {
    const api = createTestApi(database.db, { trustProxy: true });
    for (let i = 0; i < SIGN_IN_LIMITS.failuresPerAccount; i += 1)
      await attempt("lp@alpha.test", ago((SIGN_IN_LIMITS.windowMinutes - 1) * 60_000));
    expect(await pruneSignInAttempts(database.app, new Date(), 0.0001)).toBe(0);
    const response = await api.request("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.9" },
      body: JSON.stringify({
        query: `mutation ($e: String!, $p: String!) { signIn(email: $e, password: $p) { ... on Error { code } } }`,
        variables: { e: "lp@alpha.test", p: TEST_PASSWORD },
      }),
    });
    expect(((await response.json()) as any).data.signIn.code).toBe("TOO_MANY_ATTEMPTS");
  });

  it("takes its period from SIGN_IN_ATTEMPT_RETENTION_DAYS, and refuses one that is not a number of days", () => {
    expect([signInAttemptRetentionDays(undefined), signInAttemptRetentionDays("90")]).toEqual([30, 90]);
    for (const wrong of ["0", "-3", "thirty"]) expect(() => signInAttemptRetentionDays(wrong)).toThrow(/positive/);
  });

  it("runs as `npm run jobs:sign-in-attempts`, as the application role", async () => {
    await attempt("old@alpha.test", ago(45 * DAY));
    await attempt("kept@alpha.test", ago(DAY));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["../../node_modules/tsx/dist/cli.mjs", "src/auth/prune-sign-in-attempts-cli.ts"],
      {
        env: { ...process.env, DATABASE_URL: database.url },
      },
    );
    expect(stdout).toContain("Sign-in attempts older than 30 days removed: 1");
    expect(await database.db.signInAttempt.count()).toBe(1);
  });
});
