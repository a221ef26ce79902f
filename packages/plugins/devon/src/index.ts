// Devon's pathfinder: nine areas, £15,000 per area per year; the lead professional signs off
// up to £100 at once, the area's pathway co-ordinator up to £1,000; above that, not funded.
// The smallest scheme plugin, and the worked example in packages/plugins/README.md.
import { addDays, defineSchemePlugin } from "@pathfinder/core";
import { devonApprovalChain, PATHWAY_COORDINATOR } from "./approval.ts";
import { seedDevonDemo } from "./demo-data.ts";
import { devonGraphQL } from "./graphql.ts";
import { devonGuidance } from "./guidance.ts";
import { devonSettings } from "./settings.ts";

export default defineSchemePlugin({
  id: "devon",
  name: "Devon pathfinder",
  version: "1.0.0",
  coreVersion: "^0.1.0",
  settings: devonSettings,
  rules: (settings) => ({
    checkSubmission: async () => [],
    approvalChain: async (review) => devonApprovalChain(settings, review),
    reviewDueOn: ({ approvedOn }) => addDays(approvedOn, settings.reviewDueInDays),
    receiptsDueInDays: 28,
  }),
  roles: { "pathway-coordinator": { label: PATHWAY_COORDINATOR, coreRole: "APPROVER" } },
  graphql: devonGraphQL,
  seedDemo: seedDevonDemo,
  portal: { labels: { APPROVER: PATHWAY_COORDINATOR }, guidance: devonGuidance as never },
  notifications: {
    wording: {
      "approval-awaited": {
        subject: "Pathfinder request {reference} needs the pathway co-ordinator's decision",
      },
      "review-due": {
        body: "It is time to review what difference pathfinder request {reference} ({amount}, case {caseReference}, {initials}) made to the child and family: it fell due on {reviewDueOn}.",
      },
    },
  },
});
