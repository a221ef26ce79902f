import { GraphQLError } from "graphql";

/**
 * How big one GraphQL request may be. Each figure is the largest value among the operations the
 * API's own clients send (measured: see SECURITY.md, "The API under attack"), with headroom, and
 * far below what would let one request tie up the server. graphql-armor's defaults are noted
 * beside each figure.
 */
export const OPERATION_LIMITS = {
  /** Nesting of selections, fragments flattened (armor default 6). */
  depth: 10,
  /** graphql-armor's static cost: 2 per object, 1 per scalar, x1.5 per level (armor default 5000). */
  cost: 5000,
  /** Aliased fields per operation (armor default 15). */
  aliases: 15,
  /** Directives per operation (armor default 50). */
  directives: 20,
  /** Lexical tokens in the document (armor default 1000). */
  tokens: 1000,
  /** Characters in the document (armor default 15000). */
  characters: 10_000,
  /**
   * Pothos' complexity with the request's variables: every field counts 1, and a connection's
   * children count once per item of the page it asks for (`first`, at most 100).
   */
  complexity: 5000,
} as const;

/**
 * The refusal for an operation over a limit. It names no figure, so an attacker learns nothing
 * from it about where the limits are; a developer finds them in OPERATION_LIMITS.
 */
export class OperationTooLargeError extends GraphQLError {
  constructor() {
    super("This request asks for too much at once. Ask for fewer fields, or fewer items per page.", {
      extensions: { code: "OPERATION_TOO_LARGE" },
    });
  }
}
