import type { FieldComplexityValue } from "@pothos/plugin-complexity";
import { type GraphQLField, getNamedType, getNullableType, isListType } from "graphql";

/** Pothos' page sizes (`defaultConnectionSize`, `maxConnectionSize`): what a connection really loads. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** A plain list (not a connection) is assumed to hold this many items, as Pothos assumes by default. */
const LIST_MULTIPLIER = 10;

const isConnectionField = <Context>(field: GraphQLField<unknown, Context>) =>
  field.args.some((arg) => arg.name === "first") && field.args.some((arg) => arg.name === "last");

/**
 * The cost of one field for Pothos' complexity plugin, computed per request with its variables:
 * a connection's children count as many times as the page it asks for (`first`/`last`, clamped
 * as Pothos clamps them), so `cases(first: $n)` costs more as `$n` grows, however `$n` arrives.
 * A connection's `edges` list was already counted by the connection's page size, so it counts once.
 */
export function fieldComplexity<Context>(
  args: Record<string, unknown>,
  _context: Context,
  field: GraphQLField<unknown, Context>,
): FieldComplexityValue {
  if (isConnectionField(field)) {
    const requested = Number(args.first ?? args.last ?? DEFAULT_PAGE_SIZE);
    const page = Number.isFinite(requested) ? Math.min(Math.max(requested, 1), MAX_PAGE_SIZE) : MAX_PAGE_SIZE;
    return { field: 1, multiplier: page };
  }
  if (isListType(getNullableType(field.type))) {
    const counted = field.name === "edges" && getNamedType(field.type).name.endsWith("Edge");
    return { field: 1, multiplier: counted ? 1 : LIST_MULTIPLIER };
  }
  return 1;
}
