import { createRequire } from "node:module";
import { type Context, context, type Span, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { PgInstrumentation } from "@opentelemetry/instrumentation-pg";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  NodeTracerProvider,
  SimpleSpanProcessor,
  type SpanExporter,
} from "@opentelemetry/sdk-trace-node";
import pg from "pg";

export interface Tracing {
  provider: NodeTracerProvider;
  /** Sends what is still buffered and stops. */
  shutdown(): Promise<void>;
}

let tracers = 0;

/** Whether tracing was started (and not yet shut down) in this process. */
export function tracingStarted(): boolean {
  return tracers > 0;
}

/**
 * Registers a global tracer provider exporting to `exporter`, and instruments `pg` so every
 * SQL statement is a span under whatever span is active (a GraphQL operation's).
 *
 * The pg instrumentation normally hooks `require("pg")`, which misses a module already loaded
 * or loaded through ESM `import`; patching the one `pg` module in use directly covers both.
 * Statements are recorded as Prisma sends them (with $1 placeholders): values are not, so no
 * personal data reaches a trace.
 */
export function startTracing(options: { exporter: SpanExporter; serviceName?: string; batch?: boolean }): Tracing {
  tracers += 1;
  const processor = options.batch
    ? new BatchSpanProcessor(options.exporter)
    : new SimpleSpanProcessor(options.exporter);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": options.serviceName ?? "pathfinder-api" }),
    spanProcessors: [processor],
  });
  provider.register();
  const instrumentation = new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false });
  instrumentation.setTracerProvider(provider);
  const version = (createRequire(import.meta.url)("pg/package.json") as { version: string }).version;
  for (const definition of instrumentation.getModuleDefinitions())
    if (definition.name === "pg") definition.patch?.(pg, version);
  return {
    provider,
    async shutdown() {
      tracers -= 1;
      instrumentation.disable();
      await provider.shutdown();
    },
  };
}

/**
 * Tracing as the environment asks: OTEL_TRACES_EXPORTER=otlp (to OTEL_EXPORTER_OTLP_ENDPOINT,
 * default http://localhost:4318) or console; unset or "none" leaves tracing off.
 */
export async function startTracingFromEnvironment(): Promise<Tracing | null> {
  const kind = process.env.OTEL_TRACES_EXPORTER ?? "none";
  if (kind === "none") return null;
  if (kind === "console") return startTracing({ exporter: new ConsoleSpanExporter(), batch: true });
  if (kind !== "otlp") throw new Error(`OTEL_TRACES_EXPORTER must be otlp, console or none, not "${kind}".`);
  const { OTLPTraceExporter } = await import("@opentelemetry/exporter-trace-otlp-http");
  return startTracing({
    exporter: new OTLPTraceExporter(),
    serviceName: process.env.OTEL_SERVICE_NAME,
    batch: true,
  });
}

const tracer = () => trace.getTracer("pathfinder-api");

/** Runs an HTTP request's handling inside a server span (a no-op while tracing is off). */
export async function tracedRequest(method: string, route: string, handle: () => Promise<Response>): Promise<Response> {
  const span: Span = tracer().startSpan(`${method} ${route}`, {
    kind: SpanKind.SERVER,
    attributes: { "http.request.method": method, "http.route": route },
  });
  const active: Context = trace.setSpan(context.active(), span);
  try {
    const response = await context.with(active, handle);
    span.setAttribute("http.response.status_code", response.status);
    if (response.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    return response;
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}
