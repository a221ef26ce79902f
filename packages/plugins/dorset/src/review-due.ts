import { addDays, type Pence } from "@pathfinder/core";
import type { DorsetSettings } from "./settings.ts";

/**
 * "Where the grant is agreed the nature and timing of the completion of part three of the
 * monitoring form will be specified. Detail required will be proportionate to the level of
 * funding." The date follows the amount's band; the co-ordinator may set another in part two.
 */
export function dorsetReviewDueOn(
  settings: DorsetSettings,
  { total, approvedOn }: { total: Pence; approvedOn: Date },
): Date {
  const band = settings.reviewBands.find((candidate) => total <= candidate.upTo);
  return addDays(approvedOn, 7 * (band?.weeks ?? settings.reviewWeeksAbove));
}
