import { z } from "zod";
import { builder } from "../graphql/builder.ts";
import { optionalText, PLAN_MAX, pastDay } from "./case-validation.ts";

const NEW_CHILD_FIELDS = ["givenName", "familyName", "dateOfBirth"] as const;
const requiredMessages: Record<(typeof NEW_CHILD_FIELDS)[number], string> = {
  givenName: "Enter the child's given name.",
  familyName: "Enter the child's family name.",
  dateOfBirth: "Enter the child's date of birth.",
};

// Rules sit on the input types rather than on single fields: the validation plugin stops at the
// first field that fails, while a type's schema reports every problem with the input at once.

/**
 * One child of a new case: either a child already on record (`existingChildId`), or a new
 * child's details. GraphQL input unions (@oneOf) cannot mix a choice with shared fields, so
 * the two shapes share one input type and the rule is checked here.
 */
export const CaseChildInput = builder.inputType("CaseChildInput", {
  description: "Either `existingChildId`, or a new child's `givenName`, `familyName` and `dateOfBirth`.",
  fields: (t) => ({
    existingChildId: t.globalID({ required: false, description: "A child already on record, e.g. a sibling." }),
    givenName: t.string({ description: "A new child's given name.", required: false }),
    familyName: t.string({ description: "A new child's family name.", required: false }),
    dateOfBirth: t.field({
      description: "A new child's date of birth; not in the future.",
      type: "Date",
      required: false,
    }),
    lookedAfter: t.boolean({
      required: false,
      description: "In the care of the local authority. False when left out.",
    }),
    disabled: t.boolean({ required: false, description: "False when left out." }),
    eligibleForDirectPayments: t.boolean({ required: false, description: "False when left out." }),
    householdName: t.string({
      required: false,
      description:
        'The household siblings share, e.g. "The Adeyemi-Clarke family". Named after the family when left out.',
    }),
  }),
  validate: z
    .looseObject({
      givenName: optionalText("Enter the child's given name.", 100),
      familyName: optionalText("Enter the child's family name.", 100),
      dateOfBirth: pastDay("A date of birth cannot be in the future.").nullish(),
      householdName: optionalText("A household name cannot be blank.", 200),
    })
    .superRefine((child: Record<string, unknown>, issues) => {
      const given = NEW_CHILD_FIELDS.filter((field) => child[field] != null);
      if (child.existingChildId != null) {
        if (given.length > 0)
          issues.addIssue({
            code: "custom",
            path: ["existingChildId"],
            message: "Choose a child already on record or enter a new child's details, not both.",
          });
        return;
      }
      for (const field of NEW_CHILD_FIELDS)
        if (child[field] == null) issues.addIssue({ code: "custom", path: [field], message: requiredMessages[field] });
    }),
});

export const OpenCaseInput = builder.inputType("OpenCaseInput", {
  description:
    "A new case: its area, its child or siblings, and the plan if already agreed. You become its lead professional.",
  fields: (t) => ({
    areaId: t.globalID({ description: "The area (locality, wedge…) the case belongs to." }),
    children: t.field({
      type: [CaseChildInput],
      description: "The child, or siblings, the case is for: one to six. Siblings share one household.",
    }),
    plan: t.string({ required: false, description: "The multi-agency plan, if already agreed." }),
  }),
  validate: z.looseObject({
    children: z
      .array(z.unknown())
      .min(1, "Add the child the case is for.")
      .max(6, "A case can be for at most six children; open another case for the rest."),
    plan: z.string().trim().max(PLAN_MAX, "Keep the plan under 20,000 characters.").nullish(),
  }),
});
