import { builder } from "../graphql/builder.ts";
import { ErrorInterface } from "../graphql/error-types.ts";
import type { RuleViolation } from "../schemes/scheme-rules.ts";
import { RulesBrokenError } from "./rules-broken-error.ts";

const RuleViolationRef = builder.objectRef<RuleViolation>("RuleViolation").implement({
  description: "One rule the request breaks, core's or its scheme's.",
  fields: (t) => ({
    code: t.exposeString("code", {
      description: 'A stable code for the rule, e.g. "NO_ASSESSMENT" or "DORSET_OVER_LIMIT".',
    }),
    message: t.exposeString("message", { description: "What is wrong and how to put it right, for people." }),
    field: t.string({
      description: "The input field it concerns, if any.",
      nullable: true,
      resolve: (violation) => violation.field ?? null,
    }),
  }),
});

builder.objectType(RulesBrokenError, {
  name: "RulesBrokenError",
  description: "The request breaks the scheme's rules. Every reason is listed, so all can be put right at once.",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    violations: t.field({
      description: "Every rule broken.",
      type: [RuleViolationRef],
      resolve: (error) => error.violations,
    }),
  }),
});
