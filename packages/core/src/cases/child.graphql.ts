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
  select: { id: true, authorityId: true },
  id: { field: "id" },
  // A row the viewer may not see loads as null, exactly like a row that does not exist.
  nullable: true,
  description: "A child or young person with additional needs.",
  findUnique: (id, context) => ({ id, AND: [accessibleBy(context.ability).ofType("Child")] }),
  fields: (t) => ({
    givenName: t.exposeString("givenName", { description: "The child's given (first) name.", ...personal }),
    familyName: t.exposeString("familyName", { description: "The child's family name.", ...personal }),
    dateOfBirth: t.expose("dateOfBirth", { description: "The child's date of birth.", type: "Date", ...personal }),
    ageInYears: t.int({
      description: "Whole years today (schemes' age limits, such as 0-18 or 0-19, are checked against this).",
      select: { dateOfBirth: true },
      resolve: (child) => ageInYears(child.dateOfBirth),
    }),
    lookedAfter: t.exposeBoolean("lookedAfter", { description: "In the care of the local authority." }),
    disabled: t.exposeBoolean("disabled", {
      description: "The child has a disability (some schemes' eligibility and reports use this).",
    }),
    eligibleForDirectPayments: t.exposeBoolean("eligibleForDirectPayments", {
      description: "The family may receive direct payments for the child.",
    }),
    household: t.relation("household", {
      description: "The household the child lives in, shared with siblings; null if none was recorded.",
      nullable: true,
    }),
  }),
});

// Not a node: a household is only reached through a child the viewer may read, so it needs no
// rules of its own, and its other children are filtered like any other child.
builder.prismaObject("Household", {
  select: { id: true, authorityId: true },
  description: "The family or household around a child; siblings share one.",
  fields: (t) => ({
    name: t.exposeString("name", {
      description: 'The household\'s name, e.g. "The Adeyemi-Clarke family".',
      ...personal,
    }),
    address: t.exposeString("address", {
      description: "The household's address, if recorded.",
      nullable: true,
      ...personalOrNull,
    }),
    postcode: t.exposeString("postcode", {
      description: "The household's postcode, if recorded.",
      nullable: true,
      ...personalOrNull,
    }),
    children: t.relation("children", {
      description: "The household's children you may see, oldest first.",
      query: (_args, context) => ({
        where: accessibleBy(context.ability).ofType("Child"),
        orderBy: [{ dateOfBirth: "asc" }, { id: "asc" }],
      }),
    }),
  }),
});
