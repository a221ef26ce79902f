import { GraphQLError } from "graphql";

/**
 * How big one GraphQL request may be. Each figure is the largest value among the operations the
 * API's own clients send (the portal's 33 documents and the 143 the test suites send, measured by
 * `npm run operation-sizes`: see SECURITY.md, "The API under attack"), with headroom, and
 * far below what would let one request tie up the server. graphql-armor's defaults are noted
 * beside each figure.
 */
export const OPERATION_LIMITS = {
  /** Nesting of selections, fragments flattened. Largest measured 7 (tests' case list; portal 6); armor default 6. */
  depth: 10,
  /**
   * graphql-armor's static cost: 2 per object, 1 per scalar, each level's children x1.5, every
   * fragment spread counted where it is spread. Largest measured 44,943 (the tests' case list with
   * timelines, 7 deep; the portal's budget page 33,392); armor default 5000 would refuse both.
   */
  cost: 75_000,
  /** Aliased fields per operation. Largest measured 1; armor default 15 kept for screens that need a few. */
  aliases: 15,
  /** Directives per operation. Largest measured 0; room for `@include`/`@skip`; armor default 50. */
  directives: 20,
  /** Lexical tokens in the document. Largest measured 291 (the portal's decision); armor default 1000 kept. */
  tokens: 1000,
  /** Characters in the document. Largest measured 1,972 (the portal's submit); armor default 15,000. */
  characters: 10_000,
  /**
   * Pothos' complexity with the request's variables: every field counts 1, and a connection's
   * children count once per item of the page it asks for (`first`, at most 100). Largest
   * measured 3,821 (the tests' 20 cases with 50 timeline entries each; the portal's case page 3,372).
   */
  complexity: 10_000,
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
