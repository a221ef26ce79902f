import { builder } from "../graphql/builder.ts";
import { accessibleBy } from "../permissions/casl-prisma.ts";

const todayUtc = () => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
};

builder.queryField("myCover", (t) =>
  t.prismaField({
    type: ["Delegation"],
    description:
      "Cover in force today or still to come that concerns you: cover you arranged for your decisions, and cover " +
      "you give a colleague. Soonest first.",
    authScopes: { signedIn: true },
    resolve: (query, _root, _args, context) =>
      context.db.delegation.findMany({
        ...query,
        // The read rule already limits cover to the viewer's own, given or taken.
        where: { AND: [accessibleBy(context.ability).ofType("Delegation"), { endsOn: { gte: todayUtc() } }] },
        orderBy: [{ startsOn: "asc" }, { endsOn: "asc" }],
        take: 50,
      }),
  }),
);
