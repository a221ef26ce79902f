import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoSuppliers } from "../../src/suppliers/demo-suppliers.ts";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { seedTwoAuthorities, TEST_PASSWORD } from "../support/two-authorities.ts";
import { addStaff } from "./add-staff.ts";

let database: TestDatabase;
let api: ReturnType<typeof createTestApi>;
let seeded: Awaited<ReturnType<typeof seedTwoAuthorities>>;
let alphaFinance: string;
let alphaAdmin: string;
let alphaLp: string;
let betaAdmin: string;

beforeAll(async () => {
  database = await createTestDatabase();
  seeded = await seedTwoAuthorities(database.db);
  await addStaff(database.db, seeded.a.authorityId, "finance@alpha.test", "FINANCE_OFFICER");
  api = createTestApi(database.db);
  [alphaFinance, alphaAdmin, alphaLp, betaAdmin] = await Promise.all([
    api.signIn("finance@alpha.test", TEST_PASSWORD),
    api.signIn("admin@alpha.test", TEST_PASSWORD),
    api.signIn("lp@alpha.test", TEST_PASSWORD),
    api.signIn("admin@beta.test", TEST_PASSWORD),
  ]);
});
afterAll(() => database.drop());

const FIELDS = "id name onSupplierList preferred invoicesCouncil";
const CREATE = `mutation ($input: CreateSupplierInput!) {
  createSupplier(input: $input) {
    __typename
    ... on MutationCreateSupplierSuccess { data { ${FIELDS} } }
    ... on Error { code message }
    ... on DomainError { field }
    ... on ValidationError { issues { path message } }
  }
}`;
const UPDATE = `mutation ($id: ID!, $input: UpdateSupplierInput!) {
  updateSupplier(id: $id, input: $input) {
    __typename
    ... on MutationUpdateSupplierSuccess { data { ${FIELDS} } }
    ... on Error { code message }
    ... on DomainError { field }
  }
}`;
const LIST = `query ($first: Int, $after: String, $search: String, $preferredOnly: Boolean) {
  suppliers(first: $first, after: $after, search: $search, preferredOnly: $preferredOnly) {
    edges { node { name preferred } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function create(input: Record<string, unknown>, token = alphaFinance) {
  return (await api.graphql(CREATE, { input }, token)).data?.createSupplier;
}
async function names(token: string, variables: Record<string, unknown> = {}) {
  const result = await api.graphql(LIST, { first: 50, ...variables }, token);
  return result.data?.suppliers.edges.map((edge: any) => edge.node.name);
}
const supplierCount = () => database.db.supplier.count();

describe("adding and changing suppliers", () => {
  it("finance adds a supplier, audited", async () => {
    const result = await create({ name: "  Valeside Buses ", onSupplierList: true, invoicesCouncil: true });
    expect(result).toMatchObject({
      __typename: "MutationCreateSupplierSuccess",
      data: { name: "Valeside Buses", onSupplierList: true, preferred: false, invoicesCouncil: true },
    });
    const row = await database.db.supplier.findFirstOrThrow({ where: { name: "Valeside Buses" } });
    expect(row.authorityId).toBe(seeded.a.authorityId);
    const audit = await database.db.auditEvent.findFirstOrThrow({
      where: { action: "supplier.create", entityId: row.id },
    });
    expect(audit).toMatchObject({ summary: "Added supplier Valeside Buses", entityType: "Supplier" });
  });

  it("an authority administrator changes one, and only the fields given change (audited with before and after)", async () => {
    const created = await create({ name: "Little Acorns Nursery", onSupplierList: true }, alphaAdmin);
    const result = (await api.graphql(UPDATE, { id: created.data.id, input: { preferred: true } }, alphaAdmin)).data
      ?.updateSupplier;
    expect(result.data).toMatchObject({ name: "Little Acorns Nursery", onSupplierList: true, preferred: true });
    const audit = await database.db.auditEvent.findFirstOrThrow({ where: { action: "supplier.update" } });
    expect(audit.before).toMatchObject({ preferred: false });
    expect(audit.after).toMatchObject({ preferred: true });
  });

  it("refuses a second supplier of the same name, in any case, on the name field", async () => {
    const before = await supplierCount();
    const result = await create({ name: "valeside BUSES" });
    expect(result).toMatchObject({ __typename: "DomainError", code: "DUPLICATE_SUPPLIER", field: "name" });
    expect(result.message).toContain('There is already a supplier called "Valeside Buses"');
    expect(await supplierCount()).toBe(before);
  });

  it("two people adding the same name at once: one is added, the other gets DUPLICATE_SUPPLIER", async () => {
    const before = await supplierCount();
    const results = await Promise.all([create({ name: "Twin Taxis" }), create({ name: "Twin Taxis" }, alphaAdmin)]);
    expect(results.map((result) => result.__typename ?? result.code).sort()).toEqual([
      "DomainError",
      "MutationCreateSupplierSuccess",
    ]);
    expect(results.find((result) => result.code)).toMatchObject({ code: "DUPLICATE_SUPPLIER", field: "name" });
    expect(await supplierCount()).toBe(before + 1);
    await database.db.supplier.deleteMany({ where: { name: "Twin Taxis" } });
  });

  it("refuses renaming a supplier to another's name, and leaves it unchanged", async () => {
    const created = await create({ name: "Open Door Counselling" });
    const result = (await api.graphql(UPDATE, { id: created.data.id, input: { name: "Valeside Buses" } }, alphaFinance))
      .data?.updateSupplier;
    expect(result).toMatchObject({ code: "DUPLICATE_SUPPLIER", field: "name" });
    const renamed = (
      await api.graphql(UPDATE, { id: created.data.id, input: { name: "Open Door counselling" } }, alphaFinance)
    ).data?.updateSupplier;
    expect(renamed.data.name).toBe("Open Door counselling");
  });

  it("refuses a blank name with a validation error against the field", async () => {
    const result = await create({ name: "   " });
    expect(result.__typename).toBe("ValidationError");
    expect(result.issues).toEqual([{ path: "input.name", message: "Enter the supplier's name" }]);
  });

  it("refuses a lead professional: NOT_AUTHORISED, nothing written", async () => {
    const before = { suppliers: await supplierCount(), audit: await database.db.auditEvent.count() };
    const created = await create({ name: "Corner Shop" }, alphaLp);
    expect(created).toMatchObject({ __typename: "DomainError", code: "NOT_AUTHORISED" });
    const existing = await database.db.supplier.findFirstOrThrow({ where: { name: "Valeside Buses" } });
    const id = Buffer.from(`Supplier:${existing.id}`).toString("base64");
    const updated = (await api.graphql(UPDATE, { id, input: { preferred: true } }, alphaLp)).data?.updateSupplier;
    expect(updated).toMatchObject({ code: "NOT_AUTHORISED" });
    expect({ suppliers: await supplierCount(), audit: await database.db.auditEvent.count() }).toEqual(before);
    expect((await database.db.supplier.findUniqueOrThrow({ where: { id: existing.id } })).preferred).toBe(false);
  });

  it("treats an id of another type as a supplier that is not there", async () => {
    const areaId = Buffer.from(`Area:${seeded.a.areas.get("Alphaton North")}`).toString("base64");
    const result = (await api.graphql(UPDATE, { id: areaId, input: { preferred: true } }, alphaFinance)).data
      ?.updateSupplier;
    expect(result).toMatchObject({ code: "NOT_FOUND", field: "id" });
  });
});

describe("listing suppliers", () => {
  it("lists the authority's suppliers by name, to anyone signed in there", async () => {
    expect(await names(alphaLp)).toEqual(["Little Acorns Nursery", "Open Door counselling", "Valeside Buses"]);
  });

  it("searches by part of the name, and filters preferred providers", async () => {
    expect(await names(alphaLp, { search: "door" })).toEqual(["Open Door counselling"]);
    expect(await names(alphaLp, { preferredOnly: true })).toEqual(["Little Acorns Nursery"]);
  });

  it("pages with first and after", async () => {
    const page1 = (await api.graphql(LIST, { first: 2 }, alphaLp)).data?.suppliers;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await api.graphql(LIST, { first: 2, after: page1.pageInfo.endCursor }, alphaLp)).data?.suppliers;
    expect(page2.edges.map((edge: any) => edge.node.name)).toEqual(["Valeside Buses"]);
  });

  it("is refused to someone not signed in", async () => {
    const result = await api.graphql(LIST, { first: 5 });
    expect(result.data).toBeNull();
  });
});

describe("another authority", () => {
  it("cannot see A's suppliers in its list or by global ID, and may reuse their names", async () => {
    const created = await create({ name: "Valeside Buses" }, betaAdmin);
    expect(created.__typename).toBe("MutationCreateSupplierSuccess");
    expect(await names(betaAdmin)).toEqual(["Valeside Buses"]);
    const alphaSupplier = await database.db.supplier.findFirstOrThrow({
      where: { authorityId: seeded.a.authorityId, name: "Valeside Buses" },
    });
    const id = Buffer.from(`Supplier:${alphaSupplier.id}`).toString("base64");
    const node = await api.graphql(
      `query ($id: ID!) { node(id: $id) { id ... on Supplier { name } } }`,
      { id },
      betaAdmin,
    );
    expect(node.data?.node).toBeNull();
  });

  it("cannot change A's supplier: NOT_FOUND, nothing changed", async () => {
    const alphaSupplier = await database.db.supplier.findFirstOrThrow({
      where: { authorityId: seeded.a.authorityId, name: "Valeside Buses" },
    });
    const id = Buffer.from(`Supplier:${alphaSupplier.id}`).toString("base64");
    const result = (await api.graphql(UPDATE, { id, input: { name: "Hijacked" } }, betaAdmin)).data?.updateSupplier;
    expect(result).toMatchObject({ code: "NOT_FOUND", field: "id" });
    expect((await database.db.supplier.findUniqueOrThrow({ where: { id: alphaSupplier.id } })).name).toBe(
      "Valeside Buses",
    );
  });
});

describe("demo suppliers", () => {
  it("seeds about eight invented local suppliers, once", async () => {
    const authority = await database.db.authority.create({ data: { name: "Demo Vale", code: "demo-vale" } });
    await seedDemoSuppliers(database.db, authority.id);
    await seedDemoSuppliers(database.db, authority.id);
    const suppliers = await database.db.supplier.findMany({ where: { authorityId: authority.id } });
    expect(suppliers).toHaveLength(8);
    expect(suppliers.some((supplier) => supplier.preferred && supplier.invoicesCouncil)).toBe(true);
  });
});
