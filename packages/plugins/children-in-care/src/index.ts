// Children in care (the green paper's proposal): social workers hold budgets for looked-after
// children at levels the authority sets: a limited budget they spend alone, and a larger level,
// such as therapeutic services, that their team manager approves. Runs alongside other schemes.
import { addDays, defineSchemePlugin } from "@pathfinder/core";
import { childrenInCareApprovalChain } from "./approval.ts";
import { seedChildrenInCareDemo } from "./demo-data.ts";
import { lookedAfterViolations } from "./eligibility.ts";
import { childrenInCarePortal } from "./portal.ts";
import { childrenInCareRoles } from "./roles.ts";
import { childrenInCareSettings } from "./settings.ts";

export default defineSchemePlugin({
  id: "children-in-care",
  name: "Children in care",
  version: "1.0.0",
  coreVersion: "^0.1.0",
  settings: childrenInCareSettings,
  rules: (settings) => ({
    checkSubmission: async (review) => lookedAfterViolations(review),
    approvalChain: async (review) => childrenInCareApprovalChain(settings, review),
    reviewDueOn: ({ approvedOn }) => addDays(approvedOn, settings.reviewDueInDays),
    receiptsDueInDays: settings.receiptsDueInDays,
  }),
  roles: childrenInCareRoles,
  seedDemo: seedChildrenInCareDemo,
  portal: childrenInCarePortal,
});
