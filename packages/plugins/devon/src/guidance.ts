import { formatPence, type Pence } from "@pathfinder/core";
import type { DevonSettings } from "./settings.ts";

/** The scheme's rules in words, shown before they are broken. */
export function devonGuidance(settings: DevonSettings): string[] {
  const own = formatPence(settings.selfSignOffLimit as Pence);
  const cap = formatPence(settings.coordinatorLimit as Pence);
  return [
    `Up to ${own}: you sign off yourself, at once.`,
    `Over ${own} and up to ${cap}: the area's pathway co-ordinator decides.`,
    `Over ${cap}: not funded by this scheme.`,
  ];
}
