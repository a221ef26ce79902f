import type { RequestUnderReview, RuleViolation } from "@pathfinder/core";
import { dayInLondon, formatDay } from "./calendar.ts";
import { derbyshireExtensionOf } from "./request-extension.ts";

const FIELD = "extensions.derbyshire.tacMeeting";

/**
 * "As far as possible the decision on the purchase to be made was made by the Lead Practitioner
 * in conjunction with the child/young person/family at the Team Around the Child meeting." The
 * request says when that meeting was held and who attended; it must already have taken place.
 */
export function derbyshireTacMeeting({ request, now }: RequestUnderReview): RuleViolation[] {
  const meeting = derbyshireExtensionOf(request.extensions).tacMeeting;
  if (!meeting)
    return [
      {
        code: "TAC_MEETING_REQUIRED",
        field: FIELD,
        message:
          "Record the Team Around the Child meeting at which you and the family decided on this purchase: when it was held and who attended.",
      },
    ];
  if (meeting.heldOn > dayInLondon(now))
    return [
      {
        code: "TAC_MEETING_IN_FUTURE",
        field: `${FIELD}.heldOn`,
        message: `The Team Around the Child meeting is recorded for ${formatDay(meeting.heldOn)}: submit the request once the meeting has made the decision.`,
      },
    ];
  return [];
}
