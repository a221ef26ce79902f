// The API contract promises every type, field, argument, enum value and input field a description
// (they are the API's reference documentation in GraphiQL and in schema.graphql). This lists the
// ones that have none, by their schema coordinates, so a check can name each.
import type { GraphQLField, GraphQLInputField, GraphQLNamedType, GraphQLSchema } from "graphql";

// Duck-typed rather than with graphql's `isObjectType` & co: under vitest, Pothos builds the schema
// with graphql's CommonJS build while test code gets its ES module build, and those predicates
// refuse a type from the other "realm".
type WithFields = GraphQLNamedType & {
  getFields(): Record<string, GraphQLField<unknown, unknown> | GraphQLInputField>;
};
type WithValues = GraphQLNamedType & { getValues(): readonly { name: string; description?: string | null }[] };
const BUILT_IN_SCALARS = new Set(["String", "Int", "Float", "Boolean", "ID"]);

const described = (element: { description?: string | null | undefined }) => Boolean(element.description?.trim());

/** Schema coordinates (`Type`, `Type.field`, `Type.field(arg:)`, `Enum.VALUE`) of everything undescribed. */
export function undescribedElements(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__") || BUILT_IN_SCALARS.has(type.name)) continue;
    if (!described(type)) missing.push(type.name);
    if ("getFields" in type) {
      for (const field of Object.values((type as WithFields).getFields())) {
        if (!described(field)) missing.push(`${type.name}.${field.name}`);
        for (const arg of "args" in field ? field.args : [])
          if (!described(arg)) missing.push(`${type.name}.${field.name}(${arg.name}:)`);
      }
    } else if ("getValues" in type) {
      for (const value of (type as WithValues).getValues())
        if (!described(value)) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing;
}
