import { builder } from "../graphql/builder.ts";
import { ErrorInterface } from "../graphql/error-types.ts";
import type { RuleViolation } from "../schemes/scheme-rules.ts";
import { RulesBrokenError } from "./rules-broken-error.ts";

const RuleViolationRef = builder.objectRef<RuleViolation>("RuleViolation").implement({
  description: "One rule the request breaks, core's or its scheme's.",
  fields: (t) => ({
    code: t.exposeString("code"),
    message: t.exposeString("message"),
    field: t.string({ nullable: true, resolve: (violation) => violation.field ?? null }),
  }),
});

builder.objectType(RulesBrokenError, {
  name: "RulesBrokenError",
  description: "The request breaks the scheme's rules. Every reason is listed, so all can be put right at once.",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    violations: t.field({ type: [RuleViolationRef], resolve: (error) => error.violations }),
  }),
});
