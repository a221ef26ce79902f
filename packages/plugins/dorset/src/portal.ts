import { formatPence, type Pence, type PortalContribution } from "@pathfinder/core";
import { LOCALITY_COORDINATOR } from "./approval.ts";
import type { DorsetSettings } from "./settings.ts";

/** The protocol's rules in words, shown on the request form before they are broken. */
export function dorsetGuidance(settings: DorsetSettings): string[] {
  const money = (amount: number) => formatPence(amount as Pence);
  return [
    `Up to ${money(settings.caseLimit)} a case in all, or up to ${money(settings.exceptionalCaseLimit)} in exceptional circumstances, said in writing.`,
    `The pilot has ${money(settings.pilotTotal)} in all, shared by every locality.`,
    `For children and young people aged 0 to ${settings.maxAge}.`,
    "The case's Common Assessment Framework (CAF) form must be attached.",
    `Your ${LOCALITY_COORDINATOR.toLowerCase()} decides; the outcome is reviewed on part three of the form.`,
  ];
}

/** Dorset's words and the exceptional-circumstances section of part one. */
export const dorsetPortal: PortalContribution = {
  labels: { APPROVER: LOCALITY_COORDINATOR, purchaseRequest: "Application" },
  requestFormSections: [
    {
      title: "Exceptional circumstances",
      fields: [
        {
          name: "exceptional",
          label: "The circumstances are exceptional",
          kind: "checkbox",
          hint: "Up to £500 a case usually; up to £1,000 in exceptional circumstances.",
        },
        { name: "exceptionalReason", label: "What makes them exceptional", kind: "textarea" },
      ],
    },
  ],
  guidance: dorsetGuidance as PortalContribution["guidance"],
};
