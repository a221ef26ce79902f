// The configurable scheme: for pathfinder authorities without a plugin of their own. Ages,
// exclusions, evidence, caps, routes, approval tiers and review dates all come from the
// authority's settings (validated on enablePlugin/configurePlugin), with no code per authority.
import { defineSchemePlugin } from "@pathfinder/core";
import { seedConfigurableDemo } from "./demo-data.ts";
import { configurableSubmissionViolations } from "./eligibility.ts";
import { configurableGraphQL } from "./graphql.ts";
import { configurableGuidance } from "./portal.ts";
import { reviewDueOn } from "./review-due.ts";
import { configurableSettings } from "./settings.ts";
import { configurableApprovalChain } from "./tiers.ts";

export default defineSchemePlugin({
  id: "configurable",
  name: "Configurable scheme",
  version: "1.0.0",
  coreVersion: "^0.1.0",
  settings: configurableSettings,
  rules: (settings) => ({
    checkSubmission: (review) => configurableSubmissionViolations(settings, review),
    approvalChain: async (review) => configurableApprovalChain(settings, review),
    reviewDueOn: (approval) => reviewDueOn(settings, approval),
    receiptsDueInDays: settings.receiptsDueInDays,
  }),
  graphql: configurableGraphQL,
  seedDemo: seedConfigurableDemo,
  // Role names come from each authority's tiers: see the configurableLabels query.
  portal: { guidance: configurableGuidance },
  cover: (settings) =>
    settings.allowCover
      ? null
      : "Your authority's scheme does not let a colleague decide in your place: requests wait for their own approver. Ask your administrator if this should change.",
});
