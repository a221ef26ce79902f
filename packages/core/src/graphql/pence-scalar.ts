import { GraphQLError, GraphQLScalarType, Kind } from "graphql";
import type { Pence } from "../domain/money.ts";

function toPence(value: unknown): Pence {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    throw new GraphQLError(
      `Pence must be a whole number of pence, for example 1250 for £12.50; got ${JSON.stringify(value)}.`,
    );
  }
  return value as Pence;
}

/**
 * Money as a whole number of pence. Never a float: £0.10 + £0.20 must be exactly 30p.
 * Signs are checked where they matter (an item's amount must be positive; a ledger
 * entry may be a negative release), not here.
 */
export const PenceScalar = new GraphQLScalarType<Pence, number>({
  name: "Pence",
  description: "An amount of money in whole pence (integer). £12.50 is 1250.",
  serialize: (value) => toPence(value),
  parseValue: (value) => toPence(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.INT)
      throw new GraphQLError("Pence must be a whole number of pence, without quotes or decimals.");
    return toPence(Number(ast.value));
  },
});
