// Assembles the schema: importing a domain file registers its types on the builder.
import type { GraphQLSchema } from "graphql";
import "./error-types.ts";
import "../people/authority.graphql.ts";
import "../people/area.graphql.ts";
import "../people/staff-user.graphql.ts";
import "../people/staff-admin.graphql.ts";
import "../cases/purchase-category.graphql.ts";
import "../cases/case-enums.graphql.ts";
import "../cases/child.graphql.ts";
import "../cases/case-records.graphql.ts";
import "../cases/case.graphql.ts";
import "../cases/timeline.graphql.ts";
import "../audit/child-access-log.graphql.ts";
import "../cases/case-queries.graphql.ts";
import "../cases/open-case-input.graphql.ts";
import "../cases/open-case.graphql.ts";
import "../cases/record-assessment.graphql.ts";
import "../cases/case-work-mutations.graphql.ts";
import "../cases/case-ownership-mutations.graphql.ts";
import "../auth/sign-in.graphql.ts";
import "../auth/sso/identity-provider.graphql.ts";
import "../notifications/notification-preference.graphql.ts";
import "../attachments/upload-attachment.graphql.ts";
import "../suppliers/supplier-mutations.graphql.ts";
import "../budgets/budget.graphql.ts";
import "../budgets/budget-mutations.graphql.ts";
import "../purchases/rules-broken-error.graphql.ts";
import "../purchases/purchase-request.graphql.ts";
import "../purchases/purchase-queries.graphql.ts";
import "../purchases/purchase-mutations.graphql.ts";
import "../purchases/decision-mutations.graphql.ts";
import "../purchases/cover-queries.graphql.ts";
import "../purchases/fulfilment-mutations.graphql.ts";
import "../purchases/overdue-reviews.graphql.ts";
import "../plugins/scheme-admin.graphql.ts";
import "../plugins/scheme-pages.graphql.ts";
import "../reports/reports.graphql.ts";
import "../reports/evaluation.graphql.ts";
import "../case-studies/case-study.graphql.ts";
import type { SchemePlugin } from "../plugins/plugin-contract.ts";
import { prefixCheckingBuilder } from "../plugins/prefix-checking-builder.ts";
import { requireSchemeEnabled } from "../plugins/scheme-gate.ts";
import { builder } from "./builder.ts";
import { runEachMutationInASavepoint } from "./mutation-savepoints.ts";

builder.queryType({
  description:
    "Reading: every query needs a signed-in viewer unless it says otherwise, and returns only what their role and authority allow.",
});
builder.mutationType({
  description:
    "Changing: every mutation returns a result union, its success type or an error a person can act on (see `Error`).",
});

let built: { schema: GraphQLSchema; pluginIds: string } | undefined;

/**
 * The whole API schema: core's types and every installed plugin's, each plugin's registered
 * through the shared builder. Built once per process: Pothos' builder cannot take new types
 * afterwards, so asking again with a different set of plugins is a programming error.
 */
export function buildSchema(plugins: readonly SchemePlugin[] = []): GraphQLSchema {
  const pluginIds = plugins.map((plugin) => plugin.id).join(",");
  if (built) {
    if (built.pluginIds !== pluginIds)
      throw new Error(`The schema was built with plugins [${built.pluginIds}], not [${pluginIds}]`);
    return built.schema;
  }
  for (const plugin of plugins)
    plugin.graphql?.(prefixCheckingBuilder(builder, plugin.id), requireSchemeEnabled(plugin.id));
  const schema = builder.toSchema({ sortSchema: true });
  runEachMutationInASavepoint(schema);
  built = { schema, pluginIds };
  return built.schema;
}
