import type { RequestUnderReview, RuleViolation } from "@pathfinder/core";
import type { ConfigurableSettings } from "./settings.ts";

/**
 * What the authority asks to see with every request. A missing assessment is core's rule
 * (NO_ASSESSMENT), so the CAF document is only asked of the latest assessment there is.
 */
export function evidenceViolations(
  settings: ConfigurableSettings,
  { request, case: theCase }: Pick<RequestUnderReview, "request" | "case">,
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const latest = [...theCase.assessments].sort((a, b) => b.completedOn.getTime() - a.completedOn.getTime())[0];
  if (settings.requireCafDocument && latest && !latest.documentId)
    violations.push({
      code: "CAF_DOCUMENT_REQUIRED",
      field: "caseId",
      message: `Attach the completed assessment form to the case's latest assessment (completed on ${latest.completedOn.toISOString().slice(0, 10)}): this scheme needs the document itself.`,
    });
  if (settings.requireEcmOutcome && request.ecmOutcomes.length === 0)
    violations.push({
      code: "ECM_OUTCOME_REQUIRED",
      field: "ecmOutcomes",
      message: "Choose at least one Every Child Matters outcome this purchase supports.",
    });
  if (settings.requireMatchedFunding && request.matchedFunding <= 0)
    violations.push({
      code: "MATCHED_FUNDING_REQUIRED",
      field: "matchedFunding",
      message:
        "Record what the family is putting in (matched funding): this scheme asks for a contribution on every request.",
    });
  return violations;
}
