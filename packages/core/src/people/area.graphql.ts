import { subject } from "@casl/ability";
import { builder } from "../graphql/builder.ts";
import { accessibleBy } from "../permissions/casl-prisma.ts";

builder.prismaNode("Area", {
  id: { field: "id" },
  // A row the viewer may not see loads as null, exactly like a row that does not exist.
  nullable: true,
  description: "A locality, wedge or pathfinder area within an authority.",
  findUnique: (id, context) => ({ id, AND: [accessibleBy(context.ability).ofType("Area")] }),
  authScopes: (area, context) => context.ability.can("read", subject("Area", area)),
  fields: (t) => ({
    name: t.exposeString("name", { description: 'The area\'s name, e.g. "North Dorset" or "East wedge".' }),
    authority: t.relation("authority", { description: "The authority the area belongs to." }),
  }),
});

builder.queryField("areas", (t) =>
  t.prismaConnection({
    type: "Area",
    cursor: "id",
    description: "The areas of your authority.",
    authScopes: { signedIn: true },
    resolve: (query, _root, _args, context) =>
      context.db.area.findMany({
        ...query,
        where: accessibleBy(context.ability).ofType("Area"),
        orderBy: [{ name: "asc" }, { id: "asc" }],
      }),
  }),
);
