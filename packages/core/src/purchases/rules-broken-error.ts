import { DomainError } from "../graphql/domain-errors.ts";
import type { RuleViolation } from "../schemes/scheme-rules.ts";

/** A request that breaks one or more rules: every reason, at once. */
export class RulesBrokenError extends DomainError {
  constructor(readonly violations: RuleViolation[]) {
    super("RULES_BROKEN", violations.map((violation) => violation.message).join(" "));
  }
}
