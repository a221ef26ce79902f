// Derbyshire's BHLP pilot (later "Flexible Funding"): four pilot areas; ages 0-19; looked-after
// children and disabled children eligible for direct payments excluded (a setting); the lead
// practitioner and the family decide at the Team Around the Child meeting, advised by the area's
// decision advisor; each area's steering group oversees spend; no limit per purchase.
import { addDays, defineSchemePlugin } from "@pathfinder/core";
import { derbyshireApprovalChain } from "./approval.ts";
import { seedDerbyshireDemo } from "./demo-data.ts";
import { derbyshireEligibility } from "./eligibility.ts";
import { derbyshirePortal } from "./portal.ts";
import { derbyshireRequestExtension } from "./request-extension.ts";
import { derbyshireRoles } from "./roles.ts";
import { derbyshireSettings } from "./settings.ts";
import { derbyshireTacMeeting } from "./tac-meeting.ts";

export default defineSchemePlugin({
  id: "derbyshire",
  name: "Derbyshire BHLP pilot",
  version: "1.0.0",
  coreVersion: "^0.1.0",
  settings: derbyshireSettings,
  rules: (settings) => ({
    checkSubmission: async (review) => [...derbyshireEligibility(settings, review), ...derbyshireTacMeeting(review)],
    approvalChain: derbyshireApprovalChain,
    reviewDueOn: ({ approvedOn }) => addDays(approvedOn, settings.reviewDueInDays),
    receiptsDueInDays: settings.receiptsDueInDays,
  }),
  requestExtension: derbyshireRequestExtension,
  roles: derbyshireRoles,
  seedDemo: seedDerbyshireDemo,
  portal: derbyshirePortal,
});
