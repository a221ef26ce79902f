import type { PortalContribution } from "@pathfinder/core";
import { LOCALITY_COORDINATOR } from "./approval.ts";

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
};
