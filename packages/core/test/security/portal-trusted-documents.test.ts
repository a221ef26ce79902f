// The portal's own manifest (packages/web/lib/generated/persisted-documents.json, written by
// graphql-codegen and checked by `codegen --check`) is what production's API trusts: `npm run
// start:prod` passes it. An API given it answers the portal's operations, sent by hash as the
// built portal sends them, and refuses anything else.
import { readFileSync } from "node:fs";
import { parse, validate } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { repositoryRoot } from "../../src/db/repository-paths.ts";
import { buildSchema } from "../../src/graphql/schema.ts";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { seedTwoAuthorities } from "../support/two-authorities.ts";

const MANIFEST = `${repositoryRoot}packages/web/lib/generated/persisted-documents.json`;
const manifest = JSON.parse(readFileSync(MANIFEST, "utf8")) as Record<string, string>;
const config = await loadConfig();
const hashOf = (operationName: string) => {
  const entry = Object.entries(manifest).find(([, text]) =>
    new RegExp(`^(query|mutation) ${operationName}\\b`).test(text),
  );
  if (!entry) throw new Error(`The portal has no operation ${operationName}`);
  return entry[0].replace(/^sha256:/, "");
};

let database: TestDatabase;
let api: ReturnType<typeof createTestApi>;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedTwoAuthorities(database.db);
  api = createTestApi(database.db, { development: false, plugins: config.plugins, trustedDocumentsManifest: MANIFEST });
});
afterAll(() => database.drop());

const send = async (body: Record<string, unknown>) => {
  const response = await api.request("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
};

describe("production with the portal's manifest", () => {
  it("answers a portal operation sent by its hash", async () => {
    const { body } = await send({
      operationName: "SignIn",
      variables: { email: "nobody@council.example", password: "not-the-password" },
      extensions: { persistedQuery: { version: 1, sha256Hash: hashOf("SignIn") } },
    });
    expect(body.errors).toBeUndefined();
    expect(body.data?.signIn).toMatchObject({ __typename: "DomainError", code: "BAD_CREDENTIALS" });
  });

  it("refuses an arbitrary document with UNTRUSTED_DOCUMENT", async () => {
    const { status, body } = await send({ query: "{ __schema { types { name } } }" });
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe("UNTRUSTED_DOCUMENT");
    expect(body.data).toBeUndefined();
  });

  it("holds only documents valid against the schema with every shipped scheme", () => {
    const schema = buildSchema(config.plugins);
    const problems = Object.entries(manifest).flatMap(([hash, text]) =>
      validate(schema, parse(text)).map((error) => `${hash}: ${error.message}`),
    );
    expect(Object.keys(manifest).length).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });
});
