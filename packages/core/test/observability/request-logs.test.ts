// Every log line of a request carries its id, and none carries the child's name, even when
// the request reads the child's record.
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/observability/logger.ts";
import { globalId, PASSWORD } from "../purchases/support/purchase-world.ts";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { CHILD_FAMILY_NAME, CHILD_GIVEN_NAME, seedWorldWithNamedChild } from "./observability-world.ts";

let database: TestDatabase;
let world: Awaited<ReturnType<typeof seedWorldWithNamedChild>>;
const lines: string[] = [];
const destination = new Writable({
  write(chunk, _encoding, done) {
    lines.push(...String(chunk).split("\n").filter(Boolean));
    done();
  },
});
let api: ReturnType<typeof createTestApi>;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedWorldWithNamedChild(database.db);
  api = createTestApi(database.db, { log: createLogger({ level: "debug", destination }) });
});
afterAll(() => database.drop());

const readChild = `query ($id: ID!) {
  case(id: $id) { reference children { givenName familyName dateOfBirth } }
}`;

describe("request logs", () => {
  it("carry the caller's request id on every line, echo it back, and never hold the child's name", async () => {
    const token = await api.signIn("lp@alpha.test", PASSWORD);
    lines.length = 0;
    const response = await api.request("/graphql", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${token}`,
        "x-request-id": "trace-abc-123",
      },
      body: JSON.stringify({
        query: readChild,
        variables: { id: globalId("Case", world.caseId), name: CHILD_GIVEN_NAME },
      }),
    });
    const body = await response.json();
    expect(body.data.case.children[0]).toMatchObject({ givenName: CHILD_GIVEN_NAME, familyName: CHILD_FAMILY_NAME });
    expect(response.headers.get("x-request-id")).toBe("trace-abc-123");

    const entries = lines.map((line) => JSON.parse(line));
    expect(entries.map((entry) => entry.msg)).toEqual(expect.arrayContaining(["graphql operation", "request"]));
    for (const entry of entries) expect(entry.requestId).toBe("trace-abc-123");
    const everything = lines.join("\n");
    expect(everything).not.toContain(CHILD_GIVEN_NAME);
    expect(everything).not.toContain(CHILD_FAMILY_NAME);
    expect(everything).not.toContain(token);
    expect(entries.find((entry) => entry.msg === "request")).toMatchObject({
      level: "info",
      method: "POST",
      route: "/graphql",
      status: 200,
    });
  });

  it("give a request without an id a fresh one, and refuse ids that could forge log lines", async () => {
    lines.length = 0;
    const plain = await api.request("/healthz");
    const generated = plain.headers.get("x-request-id");
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    const forged = await api.request("/healthz", {
      headers: { "x-request-id": 'x" {"level":"fatal","msg":"forged"}' },
    });
    expect(forged.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.map((line) => JSON.parse(line).requestId)).toEqual([generated, forged.headers.get("x-request-id")]);
  });

  it("redact personal fields wherever they turn up in a line", () => {
    const captured: string[] = [];
    const log = createLogger({
      destination: new Writable({
        write(chunk, _encoding, done) {
          captured.push(String(chunk));
          done();
        },
      }),
    });
    log.info({ variables: { name: CHILD_GIVEN_NAME }, child: { familyName: CHILD_FAMILY_NAME } }, "oops");
    expect(captured.join("")).not.toMatch(new RegExp(`${CHILD_GIVEN_NAME}|${CHILD_FAMILY_NAME}`));
    expect(captured.join("")).toContain("[redacted]");
  });
});
