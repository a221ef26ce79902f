// Assembles the schema: importing a domain file registers its types on the builder.
import type { GraphQLSchema } from "graphql";
import "./error-types.ts";
import "../people/authority.graphql.ts";
import "../people/area.graphql.ts";
import "../people/staff-user.graphql.ts";
import "../auth/sign-in.graphql.ts";
import { builder } from "./builder.ts";

builder.queryType({});
builder.mutationType({});

let schema: GraphQLSchema | undefined;

/** The whole API schema. Built once: Pothos' builder cannot take new types afterwards. */
export function buildSchema(): GraphQLSchema {
  schema ??= builder.toSchema({ sortSchema: true });
  return schema;
}
