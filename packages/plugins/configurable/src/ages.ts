import type { RequestUnderReview, RuleViolation } from "@pathfinder/core";
import type { ConfigurableSettings } from "./settings.ts";

/** The calendar day in England at an instant: a request submitted at 00:30 BST counts from that day. */
function dayInEngland(at: Date): { year: number; month: number; day: number } {
  const [year, month, day] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" })
    .format(at)
    .split("-")
    .map(Number);
  return { year: year as number, month: month as number, day: day as number };
}

/** Whole years on `on`: the birthday itself counts (dates of birth are stored as UTC dates). */
export function ageOn(dateOfBirth: Date, on: Date): number {
  const today = dayInEngland(on);
  const birthdayPassed =
    today.month > dateOfBirth.getUTCMonth() + 1 ||
    (today.month === dateOfBirth.getUTCMonth() + 1 && today.day >= dateOfBirth.getUTCDate());
  return today.year - dateOfBirth.getUTCFullYear() - (birthdayPassed ? 0 : 1);
}

/** Every child on the case must be within the scheme's ages, inclusive, on the day of submission. */
export function ageViolations(
  settings: ConfigurableSettings,
  { case: theCase, now }: Pick<RequestUnderReview, "case" | "now">,
): RuleViolation[] {
  const range = `aged ${settings.minAge} to ${settings.maxAge}`;
  const ages = theCase.children.map((child) => ageOn(child.dateOfBirth, now));
  const violations: RuleViolation[] = [];
  const young = ages.filter((age) => age < settings.minAge);
  const old = ages.filter((age) => age > settings.maxAge);
  if (young.length > 0)
    violations.push({
      code: "CHILD_TOO_YOUNG",
      field: "caseId",
      message: `This scheme is for children ${range}; a child on this case is ${Math.min(...young)} today.`,
    });
  if (old.length > 0)
    violations.push({
      code: "CHILD_TOO_OLD",
      field: "caseId",
      message: `This scheme is for children ${range}; a child on this case is ${Math.max(...old)} today.`,
    });
  return violations;
}
