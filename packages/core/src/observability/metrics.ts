import type pg from "pg";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** The routes requests are counted under: a fixed set, so the label cannot grow without bound. */
export function routeOf(pathname: string): string {
  if (pathname === "/graphql" || pathname === "/healthz" || pathname === "/readyz" || pathname === "/metrics")
    return pathname;
  if (pathname.startsWith("/attachments/")) return "/attachments/:id";
  if (pathname.startsWith("/auth/oidc/")) return `/auth/oidc/:authority/${pathname.split("/").at(-1)}`;
  return "other";
}

export interface ApiMetrics {
  registry: Registry;
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  observeOperation(operationType: string, errors: number): void;
}

/**
 * The API's Prometheus metrics, in a registry of their own (each app its own, so tests can
 * run many). `processMetrics` adds Node's default metrics (CPU, memory, event loop): on for
 * the real server, off in tests.
 */
export function createApiMetrics(options: { pool?: pg.Pool; processMetrics?: boolean } = {}): ApiMetrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: "pathfinder_http_requests_total",
    help: "HTTP requests handled, by method, route and status code.",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "pathfinder_http_request_duration_seconds",
    help: "How long HTTP requests took, by method and route.",
    labelNames: ["method", "route"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const operations = new Counter({
    name: "pathfinder_graphql_operations_total",
    help: "GraphQL operations executed, by type and whether they returned errors.",
    labelNames: ["type", "outcome"] as const,
    registers: [registry],
  });
  const graphqlErrors = new Counter({
    name: "pathfinder_graphql_errors_total",
    help: "Errors returned in GraphQL results (each counted once).",
    labelNames: ["type"] as const,
    registers: [registry],
  });
  const pool = options.pool;
  if (pool) {
    const gauge = (name: string, help: string, read: (p: pg.Pool) => number) =>
      new Gauge({
        name,
        help,
        registers: [registry],
        collect() {
          this.set(read(pool));
        },
      });
    gauge("pathfinder_db_pool_connections", "Connections the pool holds open (busy or idle).", (p) => p.totalCount);
    gauge("pathfinder_db_pool_connections_idle", "Open connections not in use.", (p) => p.idleCount);
    gauge("pathfinder_db_pool_waiting_requests", "Queries waiting for a connection.", (p) => p.waitingCount);
    gauge("pathfinder_db_pool_max_connections", "The most connections the pool may open.", (p) => p.options.max ?? 10);
  }
  return {
    registry,
    observeRequest(method, route, status, seconds) {
      requests.inc({ method, route, status: String(status) });
      duration.observe({ method, route }, seconds);
    },
    observeOperation(type, errors) {
      operations.inc({ type, outcome: errors > 0 ? "error" : "ok" });
      if (errors > 0) graphqlErrors.inc({ type }, errors);
    },
  };
}
