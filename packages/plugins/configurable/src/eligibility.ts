import type { RequestUnderReview, RuleViolation } from "@pathfinder/core";
import { ageViolations } from "./ages.ts";
import { cumulativeCapViolations, perRequestCapViolations } from "./caps.ts";
import { evidenceViolations } from "./evidence.ts";
import { exclusionViolations } from "./exclusions.ts";
import { routeViolations } from "./routes.ts";
import type { ConfigurableSettings } from "./settings.ts";

/**
 * Every submission rule the authority configured, all reported at once (core adds its own
 * and the tier refusal), so the lead professional can put everything right in one go.
 */
export async function configurableSubmissionViolations(
  settings: ConfigurableSettings,
  review: RequestUnderReview,
): Promise<RuleViolation[]> {
  return [
    ...ageViolations(settings, review),
    ...exclusionViolations(settings, review),
    ...evidenceViolations(settings, review),
    ...routeViolations(settings, review),
    ...perRequestCapViolations(settings, review),
    ...(await cumulativeCapViolations(settings, review)),
  ];
}
