// Traces: a GraphQL operation is a span under the request's span, and the SQL it runs are
// spans under it, with statements but no values (so no child's name).
import { InMemorySpanExporter, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTracing, type Tracing } from "../../src/observability/tracing.ts";
import { globalId, PASSWORD } from "../purchases/support/purchase-world.ts";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { CHILD_FAMILY_NAME, CHILD_GIVEN_NAME, seedWorldWithNamedChild } from "./observability-world.ts";

let database: TestDatabase;
let world: Awaited<ReturnType<typeof seedWorldWithNamedChild>>;
let tracing: Tracing;
const exporter = new InMemorySpanExporter();

beforeAll(async () => {
  tracing = startTracing({ exporter });
  database = await createTestDatabase();
  world = await seedWorldWithNamedChild(database.db);
});
afterAll(async () => {
  await database.drop();
  await tracing.shutdown();
});

const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

describe("traces", () => {
  it("hold a span per GraphQL operation with the SQL it ran as child spans", async () => {
    const api = createTestApi(database.db);
    const token = await api.signIn("lp@alpha.test", PASSWORD);
    exporter.reset();
    const result = await api.graphql(
      `query ReadCase($id: ID!) { case(id: $id) { reference children { givenName familyName } } }`,
      { id: globalId("Case", world.caseId) },
      token,
    );
    expect(result.data?.case.children[0].givenName).toBe(CHILD_GIVEN_NAME);

    const spans = exporter.getFinishedSpans();
    const request = spans.find((span) => span.name === "POST /graphql");
    const operation = spans.find((span) => span.name === "query.ReadCase");
    expect(request).toBeDefined();
    expect(operation).toBeDefined();
    expect(parentOf(operation as ReadableSpan)).toBe(request?.spanContext().spanId);
    expect(operation?.spanContext().traceId).toBe(request?.spanContext().traceId);

    const sql = spans.filter((span) => span.attributes["db.system"] === "postgresql" || span.name.startsWith("pg."));
    const underOperation = sql.filter((span) => parentOf(span) === operation?.spanContext().spanId);
    expect(underOperation.length).toBeGreaterThanOrEqual(2);
    const statements = underOperation.map((span) =>
      String(span.attributes["db.statement"] ?? span.attributes["db.query.text"]),
    );
    expect(statements.some((statement) => /FROM "public"\."case_record"/.test(statement))).toBe(true);
    expect(statements.some((statement) => /"public"\."child"/.test(statement))).toBe(true);

    const everything = JSON.stringify(spans.map((span) => [span.name, span.attributes, span.events]));
    expect(everything).not.toContain(CHILD_GIVEN_NAME);
    expect(everything).not.toContain(CHILD_FAMILY_NAME);
  });
});
