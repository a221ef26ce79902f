import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/seed/demo-people.ts";
import { seedDemoData } from "../../src/seed/demo-seed.ts";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

let database: TestDatabase;
let api: ReturnType<typeof createTestApi>;
let child: { id: string; globalId: string; caseGlobalId: string; leadEmail: string };

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
const accessLog = `query ($id: ID!) { childAccessLog(childId: $id) { at action actor { email } } }`;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db);
  api = createTestApi(database.db);
  const link = await database.db.caseChild.findFirstOrThrow({
    where: { case: { leadProfessional: { email: "lp@kingsbridge.example" } } },
    include: { case: true },
  });
  child = {
    id: link.childId,
    globalId: globalId("Child", link.childId),
    caseGlobalId: globalId("Case", link.caseId),
    leadEmail: "lp@kingsbridge.example",
  };
});
afterAll(() => database.drop());

describe("who looked at this child, and when", () => {
  it("lists every view of the child and of the child's case, newest first, with who and when", async () => {
    const lead = await api.signIn(child.leadEmail, DEMO_PASSWORD);
    const approver = await api.signIn("approver@kingsbridge.example", DEMO_PASSWORD);
    const before = new Date();
    expect(
      (await api.graphql(`query ($id: ID!) { child(id: $id) { id } }`, { id: child.globalId }, lead)).errors,
    ).toBeUndefined();
    await api.graphql(`query ($id: ID!) { case(id: $id) { id } }`, { id: child.caseGlobalId }, approver);
    await api.graphql(`query ($id: ID!) { node(id: $id) { id } }`, { id: child.globalId }, approver);

    const admin = await api.signIn("admin@kingsbridge.example", DEMO_PASSWORD);
    const result = await api.graphql(accessLog, { id: child.globalId }, admin);
    expect(result.errors).toBeUndefined();
    const recent = result.data?.childAccessLog.filter(
      (entry: any) => new Date(entry.at) >= new Date(before.getTime() - 1000),
    );
    expect(recent.map((entry: any) => [entry.action, entry.actor.email])).toEqual([
      ["child.read", "approver@kingsbridge.example"],
      ["case.read", "approver@kingsbridge.example"],
      ["child.read", child.leadEmail],
    ]);
  });

  it("logs that an administrator asked", async () => {
    const admin = await api.signIn("admin@kingsbridge.example", DEMO_PASSWORD);
    await api.graphql(accessLog, { id: child.globalId }, admin);
    const adminUser = await database.db.staffUser.findUniqueOrThrow({ where: { email: "admin@kingsbridge.example" } });
    const asked = await database.db.auditEvent.findFirst({
      where: { action: "audit.child-access-log", entityId: child.id, actorId: adminUser.id },
    });
    expect(asked).not.toBeNull();
  });

  it.each(["lp", "approver", "finance", "overseer", "budgets"])(
    "is refused to %s staff, who are not administrators",
    async (role) => {
      const token = await api.signIn(`${role}@kingsbridge.example`, DEMO_PASSWORD);
      const result = await api.graphql(accessLog, { id: child.globalId }, token);
      expect(result.data?.childAccessLog ?? null).toBeNull();
      expect(result.errors?.[0]?.message).toMatch(/not authori[sz]ed/i);
    },
  );
});
