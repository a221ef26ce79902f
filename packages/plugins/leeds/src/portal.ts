import type { PortalContribution } from "@pathfinder/core";
import { IPC } from "./roles.ts";
import type { LeedsSettings } from "./settings.ts";

/** The scheme's rules in words, shown before they are broken. */
export function leedsGuidance(settings: LeedsSettings): string[] {
  return [
    `Your wedge's ${IPC} decides every request; during leave another IPC covers.`,
    `The common assessment highlights at most ${settings.maxPriorityNeeds} priority needs.`,
    "Route A: the IPC orders from the Council's supplier list, or from a supplier able to invoice the Council.",
    `Route B: you sign for cash, and bring back receipts and any unspent money within ${settings.receiptsDueInDays} days.`,
    "Use the Council's preferred providers where you can: best value comes first.",
    "Record needs the fund cannot meet either, and write the case study during and after the work.",
  ];
}

export const leedsPortal: PortalContribution = {
  labels: {
    APPROVER: IPC,
    purchaseRequest: "Early Intervention Fund request",
    SUPPLIER_ORDER: "Route A",
    CASH: "Route B",
  },
  requestFormSections: [
    {
      title: "Route B: cash",
      fields: [
        {
          name: "cashReason",
          label: "Why cash rather than an order through the IPC?",
          hint: "A known, reputable local supplier, or route A would cause an unnecessary delay.",
          kind: "textarea",
        },
      ],
    },
  ],
  guidance: leedsGuidance as PortalContribution["guidance"],
};
