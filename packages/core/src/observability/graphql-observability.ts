import { useOpenTelemetry } from "@envelop/opentelemetry";
import { trace } from "@opentelemetry/api";
import { type GraphQLError, getOperationAST } from "graphql";
import type { Plugin, YogaLogger } from "graphql-yoga";
import type { Logger } from "./logger.ts";
import type { ApiMetrics } from "./metrics.ts";
import { requestLogger } from "./request-context.ts";

/**
 * One log line and one count per GraphQL operation: its name, type, duration and the codes
 * of any errors. Never its variables or error messages, which may carry a child's details.
 */
export function graphqlObservability(log: Logger, metrics: ApiMetrics): Plugin {
  return {
    onExecute({ args }) {
      const started = performance.now();
      const operation = getOperationAST(args.document, args.operationName);
      const operationType = operation?.operation ?? "unknown";
      const operationName = operation?.name?.value ?? null;
      return {
        onExecuteDone({ result }) {
          const errors = "errors" in result ? ((result.errors ?? []) as readonly GraphQLError[]) : [];
          metrics.observeOperation(operationType, errors.length);
          requestLogger(log).info(
            {
              operationName,
              operationType,
              durationMs: Math.round(performance.now() - started),
              errorCodes: errors.map((error) => String(error.extensions?.code ?? "UNEXPECTED")),
            },
            "graphql operation",
          );
        },
      };
    },
  };
}

/**
 * A span per GraphQL operation (no resolver spans: too many to be useful), under the request's
 * span; SQL spans nest inside it. Variables, results and the document stay out of traces: a
 * document can hold a child's name as an inline argument. The global provider is passed
 * explicitly: given none, the plugin would print every span to standard output.
 */
export const graphqlTracing = () =>
  useOpenTelemetry(
    { resolvers: false, variables: false, result: false, document: false },
    trace.getTracerProvider(),
    undefined,
    undefined,
    "pathfinder-graphql",
  );

/** Yoga's own messages (unexpected errors, mostly) through the request's logger. */
export function yogaLogger(log: Logger): YogaLogger {
  const write =
    (level: "debug" | "info" | "warn" | "error") =>
    (...args: unknown[]) => {
      const target = requestLogger(log);
      const error = args.find((arg) => arg instanceof Error) as Error | undefined;
      // An unexpected error is logged by name and where it was thrown, without its message
      // (the stack's first line): messages from the database can quote the values in a row.
      const frames = error?.stack?.split("\n").slice(1).join("\n");
      if (error) target[level]({ err: { type: error.name, stack: frames } }, "graphql error");
      else target[level](args.filter((arg) => typeof arg === "string").join(" "));
    };
  return { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
}
