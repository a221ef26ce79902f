import { subject } from "@casl/ability";
import type { Area as AreaRow } from "../generated/prisma/client.ts";
import { builder } from "../graphql/builder.ts";
import { accessibleBy } from "../permissions/casl-prisma.ts";

builder.prismaNode("Area", {
  id: { field: "id" },
  // A row the viewer may not see loads as null, exactly like a row that does not exist.
  nullable: true,
  description: "A locality, wedge or pathfinder area within an authority.",
  findUnique: (id, context) => ({ id, AND: [accessibleBy(context.ability).ofType("Area")] }),
  // The row carries only the columns the Area rules name (`select` above), hence the cast.
  authScopes: (area, context) => context.ability.can("read", subject("Area", area as unknown as AreaRow)),
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
