import { builder } from "../graphql/builder.ts";
import { accessibleBy } from "../permissions/casl-prisma.ts";
import { ageInYears } from "./calendar.ts";

// Identity fields: only for those who work with the family (permissions/personal-data.ts).
// A required field a viewer may not have fails as "not authorised"; an optional one is null.
const personal = { authScopes: { personalData: true } } as const;
const personalOrNull = { ...personal, unauthorizedResolver: () => null } as const;

// Who may read a child depends on the child's cases (`cases: { some: … }`), which a loaded row
// does not carry, so there is no in-memory `authScopes` check here: every path that loads a
// child (node, `child(id)`, a case's or household's children) filters in SQL with accessibleBy.
export const ChildRef = builder.prismaNode("Child", {
  id: { field: "id" },
  // A row the viewer may not see loads as null, exactly like a row that does not exist.
  nullable: true,
  description: "A child or young person with additional needs.",
  findUnique: (id, context) => ({ id, AND: [accessibleBy(context.ability).ofType("Child")] }),
  fields: (t) => ({
    givenName: t.exposeString("givenName", personal),
    familyName: t.exposeString("familyName", personal),
    dateOfBirth: t.expose("dateOfBirth", { type: "Date", ...personal }),
    ageInYears: t.int({
      description: "Whole years today (schemes' age limits, such as 0-18 or 0-19, are checked against this).",
      resolve: (child) => ageInYears(child.dateOfBirth),
    }),
    lookedAfter: t.exposeBoolean("lookedAfter", { description: "In the care of the local authority." }),
    disabled: t.exposeBoolean("disabled"),
    eligibleForDirectPayments: t.exposeBoolean("eligibleForDirectPayments"),
    household: t.relation("household", { nullable: true }),
  }),
});

// Not a node: a household is only reached through a child the viewer may read, so it needs no
// rules of its own, and its other children are filtered like any other child.
builder.prismaObject("Household", {
  description: "The family or household around a child; siblings share one.",
  fields: (t) => ({
    name: t.exposeString("name", personal),
    address: t.exposeString("address", { nullable: true, ...personalOrNull }),
    postcode: t.exposeString("postcode", { nullable: true, ...personalOrNull }),
    children: t.relation("children", {
      query: (_args, context) => ({
        where: accessibleBy(context.ability).ofType("Child"),
        orderBy: [{ dateOfBirth: "asc" }, { id: "asc" }],
      }),
    }),
  }),
});
