import { GraphQLError } from "graphql";
import { maskError } from "graphql-yoga";

function rootCause(error: unknown): { name?: string; message?: string; code?: string } | undefined {
  let current = error as { originalError?: unknown } | undefined;
  while (current?.originalError) current = current.originalError as typeof current;
  return current as { name?: string; message?: string; code?: string } | undefined;
}

/**
 * Masks unexpected errors (no stack trace, SQL or internal id reaches a client) but keeps the
 * messages we wrote for people: errors graphql-js raised itself or we raised as GraphQLErrors
 * (a Pence scalar's "must be a whole number of pence"), and domain errors thrown where there is
 * no typed result to carry them (queries), which keep their machine-readable code.
 * Classes are recognised by name, not instanceof: under a test runner the ESM and CommonJS
 * builds of graphql can both be loaded, each with its own GraphQLError class.
 */
export function maskUnexpectedErrors(error: unknown, message: string, isDev?: boolean): Error {
  const cause = rootCause(error);
  if (cause?.name === "GraphQLError") return error as Error;
  if (cause?.name === "DomainError") {
    const { nodes, path } = error as Partial<GraphQLError>;
    return new GraphQLError(cause.message ?? message, { nodes, path, extensions: { code: cause.code } });
  }
  return maskError(error, message, isDev);
}
