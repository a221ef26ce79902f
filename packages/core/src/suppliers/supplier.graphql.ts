import { subject } from "@casl/ability";
import { builder } from "../graphql/builder.ts";
import { accessibleBy } from "../permissions/casl-prisma.ts";

export const SupplierNode = builder.prismaNode("Supplier", {
  id: { field: "id" },
  // A row the viewer may not see loads as null, exactly like a row that does not exist.
  nullable: true,
  description: "A business or service the authority buys from (Leeds route A orders from these).",
  findUnique: (id, context) => ({ id, AND: [accessibleBy(context.ability).ofType("Supplier")] }),
  authScopes: (supplier, context) => context.ability.can("read", subject("Supplier", supplier)),
  fields: (t) => ({
    name: t.exposeString("name", { description: "The supplier's trading name." }),
    onSupplierList: t.exposeBoolean("onSupplierList", { description: "On the council's approved supplier list." }),
    preferred: t.exposeBoolean("preferred", { description: "A preferred provider: best value, known quality." }),
    invoicesCouncil: t.exposeBoolean("invoicesCouncil", {
      description: "Can invoice the council, so it can be ordered from directly.",
    }),
    createdAt: t.expose("createdAt", { description: "When it was added.", type: "DateTime" }),
  }),
});

builder.queryField("suppliers", (t) =>
  t.prismaConnection({
    type: "Supplier",
    cursor: "id",
    description: "Your authority's suppliers, by name.",
    authScopes: { signedIn: true },
    args: {
      search: t.arg.string({ required: false, description: "Part of the name, any case." }),
      preferredOnly: t.arg.boolean({ required: false, description: "Only preferred providers." }),
    },
    resolve: (query, _root, { search, preferredOnly }, context) =>
      context.db.supplier.findMany({
        ...query,
        where: {
          AND: [
            accessibleBy(context.ability).ofType("Supplier"),
            search?.trim() ? { name: { contains: search.trim(), mode: "insensitive" } } : {},
            preferredOnly ? { preferred: true } : {},
          ],
        },
        orderBy: [{ name: "asc" }, { id: "asc" }],
      }),
  }),
);
