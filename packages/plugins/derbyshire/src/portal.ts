import type { PortalContribution } from "@pathfinder/core";
import { DECISION_ADVISOR } from "./approval.ts";
import { STEERING_GROUP_MEMBER } from "./roles.ts";

/** Derbyshire's words, and the Team Around the Child meeting on the request form. */
export const derbyshirePortal: PortalContribution = {
  labels: { LEAD_PROFESSIONAL: "Lead practitioner", APPROVER: DECISION_ADVISOR, OVERSEER: STEERING_GROUP_MEMBER },
  requestFormSections: [
    {
      title: "Team Around the Child meeting",
      fields: [
        { name: "tacMeeting.heldOn", label: "Date of the meeting that decided on the purchase", kind: "date" },
        {
          name: "tacMeeting.attendees",
          label: "Who attended",
          kind: "list",
          hint: "At least the family and you, the lead practitioner.",
        },
      ],
    },
  ],
};
