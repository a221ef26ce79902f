// Sign-in starts from an e-mail address before anyone knows the authority, so an address names
// one member of staff on the whole platform. With staff keyed by authority (so Citus can
// distribute them), staff_login, a reference table the staff_user trigger writes, keeps that
// true (migration 0090, docs/scaling.md). These are the behaviours a person would notice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { seedTwoAuthorities, TEST_PASSWORD } from "../support/two-authorities.ts";

let database: TestDatabase;
let api: ReturnType<typeof createTestApi>;
let betaId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  const { b } = await seedTwoAuthorities(database.db);
  betaId = b.authorityId;
  api = createTestApi(database.db);
});
afterAll(() => database.drop());

const signsIn = async (email: string) =>
  api
    .signIn(email, TEST_PASSWORD)
    .then(() => true)
    .catch(() => false);

describe("an e-mail address names one member of staff on the whole platform", () => {
  it("refuses a second member of staff, in another authority, with an address already taken", async () => {
    const lead = await database.db.staffUser.findUniqueOrThrow({ where: { email: "lp@alpha.test" } });
    await expect(
      database.db.staffUser.create({
        data: { authorityId: betaId, email: "lp@alpha.test", name: "Someone Else", passwordHash: lead.passwordHash },
      }),
    ).rejects.toThrow(/staff_login|Unique constraint/);
    expect(await database.db.staffUser.count({ where: { email: "lp@alpha.test" } })).toBe(1);
    expect(await signsIn("lp@alpha.test")).toBe(true);
  });

  it("signs in by the new address once it changes, and no longer by the old one", async () => {
    await database.db.staffUser.update({ where: { email: "admin@beta.test" }, data: { email: "office@beta.test" } });
    expect(await signsIn("office@beta.test")).toBe(true);
    expect(await signsIn("admin@beta.test")).toBe(false);
    await database.db.staffUser.update({ where: { email: "office@beta.test" }, data: { email: "admin@beta.test" } });
    expect(await signsIn("admin@beta.test")).toBe(true);
  });

  it("frees the address of a member of staff who is removed, for anyone to take", async () => {
    const lead = await database.db.staffUser.findUniqueOrThrow({ where: { email: "lp@beta.test" } });
    await database.db.roleAssignment.deleteMany({ where: { staffUserId: lead.id } });
    await database.db.staffUser.delete({ where: { id: lead.id } });
    expect(await signsIn("lp@beta.test")).toBe(false);
    const again = await database.db.staffUser.create({
      data: { authorityId: betaId, email: "lp@beta.test", name: "New Lead", passwordHash: lead.passwordHash },
    });
    expect(await database.db.staffLogin.findUnique({ where: { email: "lp@beta.test" } })).toEqual({
      email: "lp@beta.test",
      authorityId: betaId,
      staffUserId: again.id,
    });
  });
});
