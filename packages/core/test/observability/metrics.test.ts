// /metrics: Prometheus's text format with request counts, latencies, GraphQL errors and the
// connection pool's use, behind a bearer token when one is configured.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const sample = (text: string, series: string): number => {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : Number.NaN;
};

describe("the metrics endpoint", () => {
  it("counts requests by route and status, times them, counts GraphQL errors and reports the pool", async () => {
    const api = createTestApi(database.db);
    for (let i = 0; i < 3; i++) await api.request("/healthz");
    expect((await api.request("/readyz")).status).toBe(200);
    await api.graphql("{ me { name } }");
    await api.graphql("{ nonsense }");
    const response = await api.request("/metrics");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(sample(text, 'pathfinder_http_requests_total{method="GET",route="/healthz",status="200"}')).toBe(3);
    expect(sample(text, 'pathfinder_http_requests_total{method="POST",route="/graphql",status="200"}')).toBe(2);
    expect(sample(text, 'pathfinder_http_request_duration_seconds_count{method="GET",route="/healthz"}')).toBe(3);
    expect(
      sample(text, 'pathfinder_http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/healthz"}'),
    ).toBe(3);
    // The invalid document is refused before execution: only the first operation ran.
    expect(sample(text, 'pathfinder_graphql_operations_total{type="query",outcome="ok"}')).toBe(1);
    expect(sample(text, "pathfinder_db_pool_max_connections")).toBe(5);
    expect(sample(text, "pathfinder_db_pool_connections")).toBeGreaterThanOrEqual(1);
    expect(text).toContain("pathfinder_db_pool_waiting_requests");
  });

  it("counts errors returned by operations that ran", async () => {
    const api = createTestApi(database.db);
    // Reading a case needs a session: the operation runs and returns an error.
    await api.graphql(`{ cases(first: 1) { edges { node { reference } } } }`);
    const text = await (await api.request("/metrics")).text();
    expect(sample(text, 'pathfinder_graphql_operations_total{type="query",outcome="error"}')).toBe(1);
    expect(sample(text, 'pathfinder_graphql_errors_total{type="query"}')).toBe(1);
  });

  it("refuse a scrape without the configured token, and can be left off the API entirely", async () => {
    const guarded = createTestApi(database.db, { metricsEndpoint: { exposed: true, token: "s3cret-metrics" } });
    expect((await guarded.request("/metrics")).status).toBe(401);
    expect((await guarded.request("/metrics", { headers: { authorization: "Bearer wrong-token" } })).status).toBe(401);
    const allowed = await guarded.request("/metrics", { headers: { authorization: "Bearer s3cret-metrics" } });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain("pathfinder_http_requests_total");

    const hidden = createTestApi(database.db, { metricsEndpoint: { exposed: false, token: null } });
    const response = await hidden.request("/metrics");
    expect(await response.text()).not.toContain("pathfinder_http_requests_total");
  });
});
