import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { MaxTokensParserWLexer } from "@escape.tech/graphql-armor-max-tokens";
import { complexityFromQuery } from "@pothos/plugin-complexity";
import {
  type GraphQLInputType,
  type GraphQLSchema,
  getOperationAST,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  parse,
  typeFromAST,
  type ValidationRule,
  validate,
} from "graphql";

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

/** A stand-in value of a type, for measuring an operation whose variables were not recorded. */
function placeholder(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return placeholder(type.ofType);
  if (isListType(type)) return [placeholder(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]?.name;
  if (isInputObjectType(type))
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type))
        .map((field) => [field.name, placeholder(field.type)]),
    );
  const byScalar: Record<string, unknown> = {
    Int: 1,
    Float: 1,
    Pence: 1,
    Boolean: false,
    Date: "2026-01-01",
    // A global ID's shape (type:uuid, base64), which ID arguments decode before anything runs.
    ID: Buffer.from("Placeholder:00000000-0000-0000-0000-000000000000").toString("base64"),
  };
  return byScalar[type.name] ?? (type.name === "DateTime" ? "2026-01-01T00:00:00Z" : "placeholder");
}

/**
 * Values for the operation's required variables (a manifest or source code has none), so its
 * complexity can be measured; page sizes in variables take their defaults.
 */
export function placeholderVariables(schema: GraphQLSchema, query: string): Record<string, unknown> {
  const operation = getOperationAST(parse(query));
  const variables: Record<string, unknown> = {};
  for (const definition of operation?.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type as never) as GraphQLInputType | undefined;
    if (type && isNonNullType(type) && !definition.defaultValue)
      variables[definition.variable.name.value] = placeholder(type);
  }
  return variables;
}
