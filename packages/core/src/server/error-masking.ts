import { maskError } from "graphql-yoga";

/** An error graphql-js raised itself, or one we raised on purpose as a GraphQLError (bad input). */
function isDeliberate(error: unknown): boolean {
  let current = error as { name?: string; originalError?: unknown } | undefined;
  while (current?.originalError) current = current.originalError as typeof current;
  // By name, not instanceof: under a test runner the ESM and CommonJS builds of graphql can
  // both be loaded, and each has its own GraphQLError class.
  return current?.name === "GraphQLError";
}

/**
 * Masks unexpected errors (no stack trace, SQL or internal id reaches a client) but keeps
 * the messages we wrote for clients, such as a Pence scalar's "must be a whole number of pence".
 */
export function maskUnexpectedErrors(error: unknown, message: string, isDev?: boolean): Error {
  return isDeliberate(error) ? (error as Error) : maskError(error, message, isDev);
}
