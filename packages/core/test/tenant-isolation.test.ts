import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi } from "./support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";
import { seedTwoAuthorities, TEST_PASSWORD } from "./support/two-authorities.ts";

let database: TestDatabase;
let api: ReturnType<typeof createTestApi>;
let seeded: Awaited<ReturnType<typeof seedTwoAuthorities>>;
let alphaToken: string;
let alphaAdminToken: string;

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");

beforeAll(async () => {
  database = await createTestDatabase();
  seeded = await seedTwoAuthorities(database.db);
  api = createTestApi(database.db);
  alphaToken = await api.signIn("lp@alpha.test", TEST_PASSWORD);
  alphaAdminToken = await api.signIn("admin@alpha.test", TEST_PASSWORD);
});
afterAll(() => database.drop());

describe("a user of authority A", () => {
  it("lists only A's areas", async () => {
    const result = await api.graphql(`{ areas(first: 50) { edges { node { name } } } }`, {}, alphaToken);
    expect(result.data?.areas.edges.map((e: any) => e.node.name)).toEqual(["Alphaton North", "Alphaton South"]);
  });

  it("lists only A's staff, even as A's administrator", async () => {
    const result = await api.graphql(`{ staffUsers(first: 50) { edges { node { email } } } }`, {}, alphaAdminToken);
    expect(result.data?.staffUsers.edges.map((e: any) => e.node.email).sort()).toEqual([
      "admin@alpha.test",
      "lp@alpha.test",
    ]);
  });

  it("gets nothing for B's area, user, role or authority by a guessed global ID", async () => {
    const [betaArea] = [...seeded.b.areas.values()];
    const [betaUser] = [...seeded.b.staff.values()];
    const betaRole = await database.db.roleAssignment.findFirstOrThrow({
      where: { authorityId: seeded.b.authorityId },
    });
    const ids = [
      globalId("Area", betaArea as string),
      globalId("StaffUser", betaUser as string),
      globalId("RoleAssignment", betaRole.id),
      globalId("Authority", seeded.b.authorityId),
    ];
    const result = await api.graphql(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Area { name } ... on StaffUser { name email } } }`,
      { ids },
      alphaAdminToken,
    );
    expect(result.data?.nodes).toEqual([null, null, null, null]);
    for (const id of ids) {
      const single = await api.graphql(`query ($id: ID!) { node(id: $id) { id } }`, { id }, alphaAdminToken);
      expect(single.data?.node).toBeNull();
    }
  });

  it("can read its own area by global ID (the same query is not simply broken)", async () => {
    const [alphaArea] = [...seeded.a.areas.values()];
    const result = await api.graphql(
      `query ($id: ID!) { node(id: $id) { ... on Area { name authority { name } } } }`,
      { id: globalId("Area", alphaArea as string) },
      alphaToken,
    );
    expect(result.data?.node).toEqual({ name: "Alphaton North", authority: { name: "Alphaton" } });
  });

  it("sees only A's areas through its own authority", async () => {
    const result = await api.graphql(`{ me { authority { name areas { name } } } }`, {}, alphaToken);
    expect(result.data?.me.authority).toEqual({
      name: "Alphaton",
      areas: [{ name: "Alphaton North" }, { name: "Alphaton South" }],
    });
  });
});

describe("someone not signed in", () => {
  it("cannot list areas or staff", async () => {
    const result = await api.graphql(
      `{ areas(first: 5) { edges { node { name } } } staffUsers(first: 5) { edges { node { name } } } }`,
    );
    expect(result.data).toBeNull();
    expect(result.errors?.length).toBeGreaterThan(0);
  });

  it("gets null for any global ID", async () => {
    const [alphaArea] = [...seeded.a.areas.values()];
    const result = await api.graphql(`query ($id: ID!) { node(id: $id) { id } }`, {
      id: globalId("Area", alphaArea as string),
    });
    expect(result.data?.node).toBeNull();
  });
});
