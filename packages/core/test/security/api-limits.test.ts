import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../src/db/prisma-client.ts";
import { OPERATION_LIMITS } from "../../src/server/operation-limits.ts";
import { MAX_REQUEST_BYTES } from "../../src/server/request-size-guard.ts";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { seedTwoAuthorities, TEST_PASSWORD } from "../support/two-authorities.ts";

// A production-configured API (development: false) answers every request below, unless a test
// says otherwise. Each test makes one point.

const REFUSAL = "This request asks for too much at once. Ask for fewer fields, or fewer items per page.";

let database: TestDatabase;
let production: ReturnType<typeof createTestApi>;
let development: ReturnType<typeof createTestApi>;
let token: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedTwoAuthorities(database.db);
  production = createTestApi(database.db, { development: false });
  development = createTestApi(database.db, { development: true, secureCookies: false });
  token = await production.signIn("admin@alpha.test", TEST_PASSWORD);
});
afterAll(() => database.drop());

const ask = (query: string, variables: Record<string, unknown> = {}) => production.graphql(query, variables, token);

/** `me { authority { areas { authority { areas { … name } } } } }`, `levels` fields deep. */
function nested(levels: number): string {
  let selection = "name";
  for (let level = levels - 1; level >= 2; level -= 1)
    selection = `${level % 2 === 0 ? "authority" : "areas"} { ${selection} }`;
  return `{ me { ${selection} } }`;
}

describe("limits on the shape of a request", () => {
  it("refuses a query nested deeper than the depth limit", async () => {
    expect((await ask(nested(OPERATION_LIMITS.depth + 2))).errors?.[0]?.message).toBe(`Syntax Error: ${REFUSAL}`);
  });

  it("refuses more aliases than the alias limit", async () => {
    const aliases = Array.from({ length: OPERATION_LIMITS.aliases + 1 }, (_, i) => `a${i}: me { id }`).join(" ");
    expect((await ask(`{ ${aliases} }`)).errors?.[0]?.message).toBe(`Syntax Error: ${REFUSAL}`);
  });

  it("refuses more directives than the directive limit", async () => {
    const directives = " @include(if: true)".repeat(OPERATION_LIMITS.directives + 1);
    expect((await ask(`{ me { id${directives} } }`)).errors?.[0]?.message).toBe(`Syntax Error: ${REFUSAL}`);
  });

  it("refuses a document of more tokens than the token limit", async () => {
    const fields = "id ".repeat(OPERATION_LIMITS.tokens);
    expect((await ask(`{ me { ${fields} } }`)).errors?.[0]?.message).toBe(`Syntax Error: ${REFUSAL}`);
  });

  it("refuses a document longer than the character limit, even when the excess is a comment", async () => {
    const comment = `# ${"x".repeat(OPERATION_LIMITS.characters)}\n`;
    expect((await ask(`${comment}{ me { id } }`)).errors?.[0]?.message).toBe(`Syntax Error: ${REFUSAL}`);
  });

  it("refuses a query over the static cost limit: a short document whose fragments multiply its work", async () => {
    // 154 tokens and 7 deep, within those limits: each spread of B spreads A eight times.
    const query = `fragment A on Authority { ${"name id code ".repeat(30)} }
      fragment B on Authority { areas { authority { ${"...A ".repeat(8)} } } }
      { me { authority { areas { authority { ${"...B ".repeat(8)} } } } } }`;
    expect((await ask(query)).errors?.[0]?.message).toBe(`Syntax Error: ${REFUSAL}`);
  });

  it("counts a page size passed in a variable: the same query is refused only when $first asks for more", async () => {
    const query = `query ($first: Int) { cases(first: $first) { edges { node {
      timeline(first: $first) { edges { node { action summary } } } } } } }`;
    const small = await ask(query, { first: 10 });
    const large = await ask(query, { first: 100 });
    expect([small.errors, large.errors?.[0]?.extensions?.code]).toEqual([undefined, "OPERATION_TOO_LARGE"]);
  });

  it("does not reveal the limits in production, but does in development", async () => {
    const deep = nested(OPERATION_LIMITS.depth + 2);
    const devToken = await development.signIn("lp@alpha.test", TEST_PASSWORD);
    const [inProduction, inDevelopment] = [await ask(deep), await development.graphql(deep, {}, devToken)];
    expect([inProduction.errors?.[0]?.message, inDevelopment.errors?.[0]?.message]).toEqual([
      `Syntax Error: ${REFUSAL}`,
      `Syntax Error: Query depth limit of ${OPERATION_LIMITS.depth} exceeded, found ${OPERATION_LIMITS.depth + 2}.`,
    ]);
  });
});

describe("request size", () => {
  it("turns away a request body over 1 MiB (enormous variables) with 413, before parsing it", async () => {
    const body = JSON.stringify({
      query: 'mutation ($p: String!) { updateCasePlan(caseId: "x", plan: $p) { __typename } }',
      variables: { p: "x".repeat(MAX_REQUEST_BYTES) },
    });
    const response = await production.request("/graphql", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${token}`,
        "content-length": String(body.length),
      },
      body,
    });
    expect(response.status).toBe(413);
  });

  it("counts a body sent without a length (chunked) and turns it away at 1 MiB, reading no further", async () => {
    const body = JSON.stringify({
      query: 'mutation ($p: String!) { updateCasePlan(caseId: "x", plan: $p) { __typename } }',
      variables: { p: "x".repeat(4 * MAX_REQUEST_BYTES) },
    });
    const stream = chunked(body);
    const response = await sendWithoutLength(stream.body);
    expect(response.status).toBe(413);
    expect((await response.json()).errors[0].message).toBe("This request is too large to accept.");
    expect(stream.sent()).toBeLessThan(MAX_REQUEST_BYTES + 2 * CHUNK);
  });

  it("answers a request sent without a length when it is within the limit", async () => {
    const response = await sendWithoutLength(chunked(JSON.stringify({ query: "{ me { email } }" })).body);
    expect(await response.json()).toEqual({ data: { me: { email: "admin@alpha.test" } } });
  });

  it("refuses a Content-Length that is not a number of bytes (400)", async () => {
    const response = await production.request("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "content-length": "1e3" },
      body: JSON.stringify({ query: "{ me { email } }" }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toBe("This request's Content-Length is not a number of bytes.");
  });
});

const CHUNK = 64 * 1024;

/** A GraphQL POST whose body is a stream with no Content-Length, as a chunked request arrives. */
const sendWithoutLength = (body: ReadableStream<Uint8Array>) =>
  production.request("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body,
    duplex: "half",
  } as RequestInit);

/** `text` as a stream of 64 KiB chunks with no declared length, and how much of it was pulled. */
function chunked(text: string) {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + CHUNK));
      at += CHUNK;
    },
  });
  return { body, sent: () => Math.min(at, bytes.length) };
}

describe("trusted documents", () => {
  const me = "query Me { me { name } }";
  const hash = createHash("sha256").update(me).digest("hex");
  let folder: string;
  let trusted: ReturnType<typeof createTestApi>;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), "pathfinder-manifest-"));
    writeFileSync(join(folder, "persisted-documents.json"), JSON.stringify({ [hash]: me }));
    trusted = createTestApi(database.db, {
      development: false,
      trustedDocumentsManifest: join(folder, "persisted-documents.json"),
    });
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const send = (body: Record<string, unknown>) =>
    trusted.request("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });

  it("runs a document of the manifest, sent by its hash", async () => {
    const response = await send({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(await response.json()).toEqual({ data: { me: { name: "Admin Alphaton" } } });
  });

  it("refuses any document sent as text, even one in the manifest", async () => {
    const body = (await (await send({ query: me })).json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe("UNTRUSTED_DOCUMENT");
  });

  it("refuses a hash that is not in the manifest", async () => {
    const response = await send({ documentId: `sha256:${"0".repeat(64)}` });
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe(
      "UNTRUSTED_DOCUMENT",
    );
  });
});

describe("what production does not offer", () => {
  it("runs no batch of operations in one request", async () => {
    const response = await production.request("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify([{ query: "{ me { id } }" }, { query: "{ me { name } }" }]),
    });
    expect(response.status).toBe(400);
  });

  it("answers no introspection", async () => {
    expect((await ask("{ __schema { types { name } } }")).data).toBeUndefined();
  });

  it("serves no GraphiQL page", async () => {
    const response = await production.request("/graphql", {
      headers: { accept: "text/html", "x-pathfinder-csrf": "1" },
    });
    expect(await response.text()).not.toMatch(/<html|graphiql/i);
  });

  it("suggests no field names", async () => {
    expect((await ask("{ me { nam } }")).errors?.[0]?.message).not.toMatch(/Did you mean/);
  });
});

describe("errors", () => {
  it("masks an unexpected failure: no stack trace, SQL, driver message or internal id reaches the client", async () => {
    // A database that cannot be reached: every query fails deep inside Prisma and pg.
    const broken = createTestApi(createPrismaClient("postgresql://nobody:wrong@127.0.0.1:1/nothing", 1), {
      development: false,
    });
    const body = await broken.request("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `mutation { signIn(email: "lp@alpha.test", password: "x") { __typename } }` }),
    });
    const text = await body.text();
    const leaks = ["127.0.0.1", "prisma", "sign_in_attempt", "signInAttempt", "stack", ".ts:", "ECONNREFUSED", "reach"];
    // (A database that is down is the server's fault: a 500 is the honest status here.)
    expect({
      messages: (JSON.parse(text) as { errors: { message: string }[] }).errors.map((error) => error.message),
      leaked: leaks.filter((leak) => text.toLowerCase().includes(leak.toLowerCase())),
    }).toEqual({ messages: ["Unexpected error."], leaked: [] });
  });
});
