import { addDays } from "@pathfinder/core";
import type { ConfigurableSettings } from "./settings.ts";

/** Days from approval to the outcome review: one figure, or the band covering the amount (the last band above it). */
export function reviewDays(settings: ConfigurableSettings, total: number): number {
  const setting = settings.reviewDueInDays;
  if (typeof setting === "number") return setting;
  const band = setting.find((each) => total <= each.upToPence) ?? setting.at(-1);
  return band?.days ?? 42;
}

export function reviewDueOn(
  settings: ConfigurableSettings,
  { total, approvedOn }: { total: number; approvedOn: Date },
): Date {
  return addDays(approvedOn, reviewDays(settings, total));
}
