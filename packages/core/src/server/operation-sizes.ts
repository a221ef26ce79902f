import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { MaxTokensParserWLexer } from "@escape.tech/graphql-armor-max-tokens";
import { complexityFromQuery } from "@pothos/plugin-complexity";
import { type GraphQLSchema, type ValidationRule, validate } from "graphql";

export interface OperationSize {
  characters: number;
  tokens: number;
  depth: number;
  cost: number;
  aliases: number;
  directives: number;
  complexity: number;
}

const unlimited = 1_000_000_000;

/** Runs one of graphql-armor's rules with no limit, to read the figure it measures. */
function measured(
  schema: GraphQLSchema,
  document: ReturnType<MaxTokensParserWLexer["parseDocument"]>,
  rule: (onAccept: (_: unknown, details: { n: number }) => void) => ValidationRule,
): number {
  let figure = 0;
  validate(schema, document, [
    rule((_context, details) => {
      figure = Math.max(figure, details.n);
    }),
  ]);
  return figure;
}

/**
 * The same figures the API limits (OPERATION_LIMITS), measured with the same libraries, for one
 * operation and its variables: what `npm run operation-sizes` reports over the operations a
 * client sends.
 */
export function operationSize(schema: GraphQLSchema, query: string, variables: Record<string, unknown>): OperationSize {
  const parser = new MaxTokensParserWLexer(query, { n: unlimited });
  const document = parser.parseDocument();
  return {
    characters: query.length,
    tokens: parser.tokenCount,
    depth: measured(schema, document, (accept) =>
      maxDepthRule({ n: unlimited, flattenFragments: true, onAccept: [accept] }),
    ),
    cost: measured(schema, document, (accept) => costLimitRule({ maxCost: unlimited, onAccept: [accept] })),
    aliases: measured(schema, document, (accept) => maxAliasesRule({ n: unlimited, onAccept: [accept] })),
    directives: measured(schema, document, (accept) => maxDirectivesRule({ n: unlimited, onAccept: [accept] })),
    complexity: complexityFromQuery(query, { schema, variables }).complexity,
  };
}
