import type { RequestUnderReview, RuleViolation } from "@pathfinder/core";
import { birthday, dayInLondon, formatDay } from "./calendar.ts";
import type { DorsetSettings } from "./settings.ts";

/**
 * Who and what Dorset's budget is for, from the working protocol and part one of the
 * application form. Core already refuses a case with no assessment at all, so these rules
 * speak only when there is one but not the one Dorset asks for.
 */
export function dorsetEligibility(settings: DorsetSettings, review: RequestUnderReview): RuleViolation[] {
  return [...cafRules(review), ...ecmRules(review), ...ageRules(settings, review)];
}

/** "A Common Assessment Framework form … will accompany applications"; "Date of CAF (must be attached)". */
function cafRules({ case: theCase }: RequestUnderReview): RuleViolation[] {
  if (theCase.assessments.length === 0) return [];
  const cafs = theCase.assessments
    .filter((assessment) => assessment.kind === "CAF")
    .sort((a, b) => b.completedOn.getTime() - a.completedOn.getTime());
  const latest = cafs[0];
  if (!latest)
    return [
      {
        code: "CAF_REQUIRED",
        field: "caseId",
        message:
          "Dorset's budget needs a Common Assessment Framework (CAF): record the case's CAF, with its date, and attach the form.",
      },
    ];
  if (latest.documentId) return [];
  return [
    {
      code: "CAF_NOT_ATTACHED",
      field: "caseId",
      message: `Attach the CAF form to the case's latest CAF (dated ${formatDay(latest.completedOn)}): Dorset's application form says it must be attached.`,
    },
  ];
}

/** Part one: "Indicate principal Every Child Matters outcome(s) the resources will support". */
function ecmRules({ request }: RequestUnderReview): RuleViolation[] {
  if (request.ecmOutcomes.length > 0) return [];
  return [
    {
      code: "ECM_OUTCOME_REQUIRED",
      field: "ecmOutcomes",
      message: "Tick at least one Every Child Matters outcome the purchase will support.",
    },
  ];
}

/** "Assessment of a child young person (0-18)": each child on the case, on the day of submission. */
function ageRules(settings: DorsetSettings, { case: theCase, now }: RequestUnderReview): RuleViolation[] {
  const today = dayInLondon(now);
  const tooOld = theCase.children.filter((child) => birthday(child.dateOfBirth, settings.maxAge + 1) <= today);
  return tooOld.map((child) => ({
    code: "CHILD_TOO_OLD",
    field: "caseId",
    message: `A child on this case (born ${formatDay(child.dateOfBirth)}) turned ${settings.maxAge + 1} on ${formatDay(birthday(child.dateOfBirth, settings.maxAge + 1))}: Dorset's budget is for children and young people aged 0 to ${settings.maxAge}.`,
  }));
}
