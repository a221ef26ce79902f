import { subject } from "@casl/ability";
import { builder } from "../graphql/builder.ts";
import { accessibleBy } from "../permissions/casl-prisma.ts";

builder.prismaNode("Authority", {
  id: { field: "id" },
  // A row the viewer may not see loads as null, exactly like a row that does not exist.
  nullable: true,
  description: "A local authority running one or more budget-holding lead professional schemes.",
  findUnique: (id, context) => ({ id, AND: [accessibleBy(context.ability).ofType("Authority")] }),
  authScopes: (authority, context) => context.ability.can("read", subject("Authority", authority)),
  fields: (t) => ({
    name: t.exposeString("name", { description: 'The authority\'s name, e.g. "Dorset County Council".' }),
    code: t.exposeString("code", {
      description: "A short code for the authority, unique on the platform; prefixes its case references.",
    }),
    areas: t.relation("areas", {
      description: "The authority's areas you may see, by name.",
      query: (_args, context) => ({ where: accessibleBy(context.ability).ofType("Area"), orderBy: { name: "asc" } }),
    }),
  }),
});
