// The one Pothos builder. This file defines no types: each domain file adds its own,
// and plugins (schemes) add theirs through the same builder.
import SchemaBuilder from "@pothos/core";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ValidationPlugin from "@pothos/plugin-validation";
import { DateResolver, DateTimeResolver, JSONResolver } from "graphql-scalars";
import type { Pence } from "../domain/money.ts";
import type PrismaTypes from "../generated/pothos-prisma-types.ts";
import { getDatamodel } from "../generated/pothos-prisma-types.ts";
import type { Role } from "../generated/prisma/enums.ts";
import { mayReadPersonalData } from "../permissions/personal-data.ts";
import type { GraphQLContext } from "./context.ts";
import { PenceScalar } from "./pence-scalar.ts";
import { auditNodeReads } from "./read-auditors.ts";

export interface AuthScopes {
  signedIn: boolean;
  role: Role;
  /** Names, dates of birth, addresses: see permissions/personal-data.ts. */
  personalData: boolean;
}

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  PrismaTypes: PrismaTypes;
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: true;
  Scalars: {
    Pence: { Input: Pence; Output: Pence | number };
    Date: { Input: Date; Output: Date | string };
    DateTime: { Input: Date; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
    ID: { Input: string; Output: string | number };
    /** An upload (GraphQL multipart request); input only. Defined in attachments/file-scalar.ts. */
    File: { Input: File; Output: never };
  };
}>({
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  plugins: [ScopeAuthPlugin, ErrorsPlugin, ValidationPlugin, PrismaPlugin, RelayPlugin],
  scopeAuth: {
    authScopes: (context) => ({
      signedIn: context.viewer !== null,
      role: (role) => context.viewer?.roles.some((assignment) => assignment.role === role) ?? false,
      personalData: mayReadPersonalData(context.viewer),
    }),
  },
  prisma: {
    dmmf: getDatamodel(),
    // The client is per request's context (tests run many databases in one process).
    client: (context) => context.db,
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === "production" ? null : "warn",
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    nodeTypeOptions: { description: "A record with a global id, fetchable with `node(id:)`." },
    idFieldOptions: { description: "The global id: opaque, stable, and unique across every type." },
    pageInfoTypeOptions: { description: "Where a page sits in its list, and the cursors to move from it." },
    hasNextPageFieldOptions: { description: "Whether more items follow this page." },
    hasPreviousPageFieldOptions: { description: "Whether items come before this page." },
    startCursorFieldOptions: { description: "The cursor of the page's first item; null on an empty page." },
    endCursorFieldOptions: { description: "The cursor of the page's last item: pass it as `after` for the next page." },
    defaultConnectionTypeOptions: {
      description: "One page of a list: `edges` hold the items and `pageInfo` the cursors for the next page.",
    },
    defaultEdgeTypeOptions: { description: "One item in a page, with the cursor to resume after it." },
    edgesFieldOptions: { description: "The items on this page, each with its cursor." },
    pageInfoFieldOptions: { description: "Whether there are more pages, and the cursors to fetch them." },
    cursorFieldOptions: { description: "Pass as `after` (or `before`) to page on from this item." },
    nodeFieldOptions: { description: "The item." },
    firstArgOptions: { description: "How many items to return from the start (after `after`)." },
    afterArgOptions: { description: "Return items after this cursor." },
    lastArgOptions: { description: "How many items to return from the end (before `before`)." },
    beforeArgOptions: { description: "Return items before this cursor." },
    nodeQueryOptions: {
      description: "Any record by its global id; null if it does not exist or the viewer may not see it.",
      args: { id: { description: "A global id from any record's `id` field." } },
      resolve: async (_root, { id }, context, _info, resolveNode) => {
        const node = await resolveNode(id);
        await auditNodeReads(context, [id.typename], [node]);
        return node;
      },
    },
    nodesQueryOptions: {
      description: "Records by their global ids, in the same order; null for each the viewer may not see.",
      args: { ids: { description: "Global ids from records' `id` fields." } },
      resolve: async (_root, { ids }, context, _info, resolveNodes) => {
        const nodes = await resolveNodes(ids);
        await auditNodeReads(
          context,
          ids.map((id) => id.typename),
          nodes,
        );
        return nodes;
      },
    },
  },
  errors: {
    defaultTypes: [],
    defaultResultOptions: { description: "The operation succeeded; its result is in `data`." },
    defaultUnionOptions: {
      description: "The operation's result: its success type, or one of the errors a person can act on (see `Error`).",
    },
    // Lets input validation failures come back as a typed ValidationError result listing
    // every problem by field, instead of a top-level GraphQL error.
    unsafelyHandleInputErrors: true,
  },
});

builder.addScalarType("Pence", PenceScalar);
builder.addScalarType("Date", DateResolver);
builder.addScalarType("DateTime", DateTimeResolver);
builder.addScalarType("JSON", JSONResolver);

/** The builder's type parameters, for helpers that build fields or arguments outside a type. */
export type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
