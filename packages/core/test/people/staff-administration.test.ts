// An authority administrator adds staff, grants and revokes roles, closes and reopens accounts:
// only administrators, only in their own authority, never leaving the authority without one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { seedTwoAuthorities, TEST_PASSWORD } from "../support/two-authorities.ts";

let database: TestDatabase;
let api: ReturnType<typeof createTestApi>;
let seeded: Awaited<ReturnType<typeof seedTwoAuthorities>>;
let alphaAdmin: string;
let alphaLp: string;
let betaAdmin: string;

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
const NEW_PASSWORD = "a long walk by the river";

beforeAll(async () => {
  database = await createTestDatabase();
  seeded = await seedTwoAuthorities(database.db);
  api = createTestApi(database.db);
  [alphaAdmin, alphaLp, betaAdmin] = await Promise.all([
    api.signIn("admin@alpha.test", TEST_PASSWORD),
    api.signIn("lp@alpha.test", TEST_PASSWORD),
    api.signIn("admin@beta.test", TEST_PASSWORD),
  ]);
});
afterAll(() => database.drop());

const STAFF = "id name email jobTitle active roles { id role area { name } }";
const RESULT = `__typename
  ... on Error { code message }
  ... on DomainError { field }
  ... on ValidationError { issues { path message } }`;

async function add(input: Record<string, unknown>, token = alphaAdmin) {
  const result = await api.graphql(
    `mutation ($input: AddStaffMemberInput!) { addStaffMember(input: $input) { ${RESULT} ... on MutationAddStaffMemberSuccess { data { ${STAFF} } } } }`,
    { input },
    token,
  );
  return result.data?.addStaffMember;
}
async function grant(input: Record<string, unknown>, token = alphaAdmin) {
  const result = await api.graphql(
    `mutation ($input: GrantRoleInput!) { grantRole(input: $input) { ${RESULT} ... on MutationGrantRoleSuccess { data { ${STAFF} } } } }`,
    { input },
    token,
  );
  return result.data?.grantRole;
}
async function revoke(roleAssignmentId: string, token = alphaAdmin) {
  const result = await api.graphql(
    `mutation ($id: ID!) { revokeRole(roleAssignmentId: $id) { ${RESULT} ... on MutationRevokeRoleSuccess { data { ${STAFF} } } } }`,
    { id: roleAssignmentId },
    token,
  );
  return result.data?.revokeRole;
}
async function setActive(staffUserId: string, active: boolean, token = alphaAdmin) {
  const name = active ? "reactivateStaffMember" : "deactivateStaffMember";
  const success = active ? "MutationReactivateStaffMemberSuccess" : "MutationDeactivateStaffMemberSuccess";
  const result = await api.graphql(
    `mutation ($id: ID!) { ${name}(staffUserId: $id) { ${RESULT} ... on ${success} { data { ${STAFF} } } } }`,
    { id: staffUserId },
    token,
  );
  return result.data?.[name];
}
const northArea = () => globalId("Area", seeded.a.areas.get("Alphaton North") as string);
const userId = (email: string) => database.db.staffUser.findUniqueOrThrow({ where: { email } }).then((u) => u.id);

describe("adding a member of staff", () => {
  it("an administrator adds someone with a role in an area; they sign in with the first password; audited", async () => {
    const result = await add({
      name: "  Priya Hallam ",
      email: "Priya.Hallam@Alpha.test",
      jobTitle: "Family support worker",
      roles: [{ role: "LEAD_PROFESSIONAL", areaId: northArea() }],
      initialPassword: NEW_PASSWORD,
    });
    expect(result).toMatchObject({
      __typename: "MutationAddStaffMemberSuccess",
      data: {
        name: "Priya Hallam",
        email: "priya.hallam@alpha.test",
        jobTitle: "Family support worker",
        active: true,
        roles: [{ role: "LEAD_PROFESSIONAL", area: { name: "Alphaton North" } }],
      },
    });
    const id = await userId("priya.hallam@alpha.test");
    const row = await database.db.staffUser.findUniqueOrThrow({ where: { id } });
    expect(row.authorityId).toBe(seeded.a.authorityId);
    const audit = await database.db.auditEvent.findFirstOrThrow({ where: { action: "staff.add", entityId: id } });
    expect(audit.summary).toBe("Added Priya Hallam (priya.hallam@alpha.test) as lead professional in Alphaton North");
    expect(await api.signIn("priya.hallam@alpha.test", NEW_PASSWORD)).toBeTruthy();
  });

  it("refuses an address that already has an account, in this authority or another, and writes nothing", async () => {
    const before = await database.db.staffUser.count();
    for (const email of ["LP@alpha.test", "admin@beta.test"]) {
      const result = await add({ name: "Someone", email, roles: [{ role: "OVERSEER" }] });
      expect(result).toMatchObject({ __typename: "DomainError", code: "DUPLICATE_EMAIL", field: "input.email" });
      expect(result.message).toContain("already has a Pathfinder account");
    }
    expect(await database.db.staffUser.count()).toBe(before);
  });

  it("says what is wrong with each field: no name, a bad address, no role, a weak password", async () => {
    const result = await add({ name: " ", email: "not-an-address", roles: [], initialPassword: "short" });
    expect(result.__typename).toBe("ValidationError");
    const byPath = Object.fromEntries(result.issues.map((issue: any) => [issue.path, issue.message]));
    expect(byPath).toMatchObject({
      "input.name": "Enter their full name",
      "input.email": "Enter an e-mail address like name@council.gov.uk",
      "input.roles": "Choose at least one role",
    });
  });

  it("refuses a weak first password against its field", async () => {
    const result = await add({
      name: "Tom Weak",
      email: "tom.weak@alpha.test",
      roles: [{ role: "OVERSEER" }],
      initialPassword: "password1234",
    });
    expect(result.__typename).toBe("ValidationError");
    expect(result.issues).toContainEqual({
      path: "input.initialPassword",
      message: "That password is too well known. Choose another.",
    });
  });

  it("refuses an area of another authority, and platform administration from an authority administrator", async () => {
    const betaArea = globalId("Area", seeded.b.areas.get("Betaford North") as string);
    expect(
      await add({ name: "Far Away", email: "far@alpha.test", roles: [{ role: "APPROVER", areaId: betaArea }] }),
    ).toMatchObject({ code: "NOT_FOUND", field: "input.roles.0.areaId" });
    expect(
      await add({ name: "Too Mighty", email: "mighty@alpha.test", roles: [{ role: "PLATFORM_ADMIN" }] }),
    ).toMatchObject({ code: "PLATFORM_ROLE", field: "input.roles.0.role" });
    expect(
      await database.db.staffUser.count({ where: { email: { in: ["far@alpha.test", "mighty@alpha.test"] } } }),
    ).toBe(0);
  });

  it("is refused to anyone but an administrator", async () => {
    const result = await add(
      { name: "Sneaky", email: "sneaky@alpha.test", roles: [{ role: "AUTHORITY_ADMIN" }] },
      alphaLp,
    );
    expect(result).toMatchObject({ code: "NOT_AUTHORISED" });
    expect(await database.db.staffUser.count({ where: { email: "sneaky@alpha.test" } })).toBe(0);
  });
});

describe("granting and revoking roles", () => {
  it("an administrator grants an approver's role in an area, then revokes it; both audited", async () => {
    const lp = await userId("lp@alpha.test");
    const granted = await grant({ staffUserId: globalId("StaffUser", lp), role: "APPROVER", areaId: northArea() });
    expect(granted.__typename).toBe("MutationGrantRoleSuccess");
    const approverRole = granted.data.roles.find((r: any) => r.role === "APPROVER");
    expect(approverRole.area.name).toBe("Alphaton North");
    expect(
      await grant({ staffUserId: globalId("StaffUser", lp), role: "APPROVER", areaId: northArea() }),
    ).toMatchObject({ code: "ROLE_HELD", field: "input.role" });

    const revoked = await revoke(approverRole.id);
    expect(revoked.__typename).toBe("MutationRevokeRoleSuccess");
    expect(revoked.data.roles.map((r: any) => r.role)).toEqual(["LEAD_PROFESSIONAL"]);
    const actions = await database.db.auditEvent.findMany({
      where: { entityId: lp, action: { startsWith: "staff." } },
      orderBy: { sequence: "asc" },
    });
    expect(actions.map((event) => event.summary)).toEqual([
      "Made Lead Professional Alphaton approver in Alphaton North",
      "Lead Professional Alphaton is no longer approver in Alphaton North",
    ]);
  });

  it("another role, and another authority's administrator, are refused", async () => {
    const lp = globalId("StaffUser", await userId("lp@alpha.test"));
    expect(await grant({ staffUserId: lp, role: "AUTHORITY_ADMIN" }, alphaLp)).toMatchObject({
      code: "NOT_AUTHORISED",
    });
    expect(await grant({ staffUserId: lp, role: "AUTHORITY_ADMIN" }, betaAdmin)).toMatchObject({
      code: "NOT_FOUND",
    });
    const lpRole = await database.db.roleAssignment.findFirstOrThrow({
      where: { staffUser: { email: "lp@alpha.test" } },
    });
    expect(await revoke(globalId("RoleAssignment", lpRole.id), betaAdmin)).toMatchObject({ code: "NOT_FOUND" });
    expect(await revoke(globalId("RoleAssignment", lpRole.id), alphaLp)).toMatchObject({ code: "NOT_AUTHORISED" });
    expect(await database.db.roleAssignment.count({ where: { staffUser: { email: "lp@alpha.test" } } })).toBe(1);
  });

  it("the last administrator keeps their role", async () => {
    const adminRole = await database.db.roleAssignment.findFirstOrThrow({
      where: { role: "AUTHORITY_ADMIN", staffUser: { email: "admin@alpha.test" } },
    });
    expect(await revoke(globalId("RoleAssignment", adminRole.id))).toMatchObject({
      code: "LAST_ADMINISTRATOR",
      field: "roleAssignmentId",
    });
    expect(await database.db.roleAssignment.count({ where: { id: adminRole.id } })).toBe(1);
  });
});

describe("closing and reopening accounts", () => {
  it("a closed account is signed out at once and cannot sign in; reopened, it can; both audited", async () => {
    await add({
      name: "Leaving Soon",
      email: "leaving@alpha.test",
      roles: [{ role: "OVERSEER" }],
      initialPassword: NEW_PASSWORD,
    });
    const token = await api.signIn("leaving@alpha.test", NEW_PASSWORD);
    const id = globalId("StaffUser", await userId("leaving@alpha.test"));
    const me = async () => (await api.graphql("{ me { name } }", {}, token)).data?.me;
    expect(await me()).toEqual({ name: "Leaving Soon" });

    expect(await setActive(id, false)).toMatchObject({ data: { active: false } });
    expect(await me()).toBeNull();
    await expect(api.signIn("leaving@alpha.test", NEW_PASSWORD)).rejects.toThrow(
      /Sign-in as leaving@alpha.test failed/,
    );
    const sessions = await database.db.session.findMany({ where: { staffUser: { email: "leaving@alpha.test" } } });
    expect(sessions.every((session) => session.revokedAt !== null)).toBe(true);

    expect(await setActive(id, true)).toMatchObject({ data: { active: true } });
    expect(await api.signIn("leaving@alpha.test", NEW_PASSWORD)).toBeTruthy();
    const audit = await database.db.auditEvent.findMany({
      where: { action: { in: ["staff.deactivate", "staff.reactivate"] } },
      orderBy: { sequence: "asc" },
    });
    expect(audit.map((event) => event.summary)).toEqual([
      "Closed Leaving Soon's account and signed them out",
      "Reopened Leaving Soon's account",
    ]);
  });

  it("an administrator cannot close their own account, nor the last administrator's", async () => {
    const self = globalId("StaffUser", await userId("admin@alpha.test"));
    expect(await setActive(self, false)).toMatchObject({ code: "OWN_ACCOUNT", field: "staffUserId" });
    // With a second administrator, the first may be closed (by the second).
    await add({
      name: "Second Admin",
      email: "admin2@alpha.test",
      roles: [{ role: "AUTHORITY_ADMIN" }],
      initialPassword: NEW_PASSWORD,
    });
    const second = await api.signIn("admin2@alpha.test", NEW_PASSWORD);
    const secondId = globalId("StaffUser", await userId("admin2@alpha.test"));
    expect(await setActive(self, false, second)).toMatchObject({ data: { active: false } });
    // Now the second is the last active administrator: closing them would leave none.
    const third = await add({ name: "Third Person", email: "third@alpha.test", roles: [{ role: "OVERSEER" }] }, second);
    expect(third.__typename).toBe("MutationAddStaffMemberSuccess");
    const secondRole = await database.db.roleAssignment.findFirstOrThrow({
      where: { staffUser: { email: "admin2@alpha.test" } },
    });
    expect(await revoke(globalId("RoleAssignment", secondRole.id), second)).toMatchObject({
      code: "LAST_ADMINISTRATOR",
    });
    expect(await setActive(self, true, second)).toMatchObject({ data: { active: true } });
    // Closing an account ended its sessions: the reopened administrator signs in again.
    alphaAdmin = await api.signIn("admin@alpha.test", TEST_PASSWORD);
    expect(await setActive(secondId, false)).toMatchObject({ data: { active: false } });
  });

  it("another role, and another authority's administrator, are refused", async () => {
    const lp = globalId("StaffUser", await userId("lp@alpha.test"));
    expect(await setActive(lp, false, alphaLp)).toMatchObject({ code: "NOT_AUTHORISED" });
    expect(await setActive(lp, false, betaAdmin)).toMatchObject({ code: "NOT_FOUND" });
    expect((await database.db.staffUser.findUniqueOrThrow({ where: { email: "lp@alpha.test" } })).active).toBe(true);
  });
});
