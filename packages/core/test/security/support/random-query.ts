import fc from "fast-check";
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from "graphql";
import type { IdPool } from "./hostile-values.ts";

type Gen = fc.GeneratorValue;

const MAX_DEPTH = 4;
const pick = <T>(g: Gen, items: readonly T[]): T => items[g(fc.nat, { max: items.length - 1 })] as T;

/** A valid literal for an input type: real ids (any authority's), small numbers, short strings. */
function literal(g: Gen, type: GraphQLInputType, ids: IdPool): string {
  if (isNonNullType(type)) return literal(g, type.ofType, ids);
  if (isListType(type)) return `[${literal(g, type.ofType, ids)}]`;
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter((field) => isNonNullType(field.type));
    return `{ ${required.map((field) => `${field.name}: ${literal(g, field.type, ids)}`).join(", ")} }`;
  }
  if (isEnumType(type)) return pick(g, type.getValues()).name;
  switch (type.name) {
    case "ID":
      return JSON.stringify(pick(g, [...ids.own, ...ids.otherAuthority, ...ids.wrongType]));
    case "Int":
    case "Pence":
      return String(g(fc.integer, { min: -5, max: 120 }));
    case "Float":
      return String(g(fc.double, { min: -10, max: 10, noNaN: true }));
    case "Boolean":
      return String(g(fc.boolean));
    case "Date":
      return JSON.stringify(
        g(fc.date, { min: new Date("2000-01-01"), max: new Date("2040-01-01") })
          .toISOString()
          .slice(0, 10),
      );
    case "DateTime":
      return JSON.stringify(g(fc.date, { min: new Date("2000-01-01"), max: new Date("2040-01-01") }).toISOString());
    case "JSON":
      return "{}";
    default:
      return JSON.stringify(g(fc.string, { maxLength: 12 }));
  }
}

function argumentsFor(g: Gen, args: readonly GraphQLArgument[], ids: IdPool): string {
  const chosen = args.filter((arg) => isNonNullType(arg.type) || g(fc.boolean));
  return chosen.length ? `(${chosen.map((arg) => `${arg.name}: ${literal(g, arg.type, ids)}`).join(", ")})` : "";
}

function selectionOf(g: Gen, schema: GraphQLSchema, type: GraphQLNamedType, depth: number, ids: IdPool): string {
  if (isLeafType(type)) return "";
  if (isUnionType(type) || isInterfaceType(type)) {
    const concrete = pick(g, schema.getPossibleTypes(type));
    return `{ __typename ... on ${concrete.name} ${selectionOf(g, schema, concrete, depth, ids) || "{ __typename }"} }`;
  }
  if (!isObjectType(type)) return "{ __typename }";
  let fields: GraphQLField<unknown, unknown>[] = Object.values(type.getFields());
  if (depth >= MAX_DEPTH) fields = fields.filter((field) => isLeafType(getNamedType(field.type)));
  if (fields.length === 0) return "{ __typename }";
  const count = g(fc.integer, { min: 1, max: Math.min(3, fields.length) });
  const selected = new Set(Array.from({ length: count }, () => pick(g, fields)));
  const parts = [...selected].map(
    (field) =>
      `${field.name}${argumentsFor(g, field.args, ids)} ${selectionOf(g, schema, getNamedType(field.type), depth + 1, ids)}`,
  );
  return `{ __typename ${parts.join(" ")} }`;
}

/**
 * A random query that is valid against the schema: one to three fields from the root, then one
 * to three fields per level down to four levels, with arguments of the right types (real ids
 * from both authorities and of the wrong type, small page sizes, short strings).
 */
export function randomQuery(schema: GraphQLSchema, g: Gen, ids: IdPool): string {
  const root = schema.getQueryType();
  if (!root) throw new Error("The schema has no Query type");
  return `query Random ${selectionOf(g, schema, root, 0, ids)}`;
}
