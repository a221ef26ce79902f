// Dorset's BHLP pilot (Children's Fund): six localities share £40,000; up to £500 a case, or
// £1,000 in exceptional circumstances; the locality co-ordinator decides (another locality's
// where there is none); a CAF attached and an Every Child Matters outcome; ages 0-18; a
// three-part application and monitoring form.
import { defineSchemePlugin } from "@pathfinder/core";
import { dorsetApprovalChain } from "./approval.ts";
import { seedDorsetDemo } from "./demo-data.ts";
import { dorsetEligibility } from "./eligibility.ts";
import { dorsetGraphQL } from "./graphql.ts";
import { dorsetCaseLimits, dorsetPilotTotal } from "./limits.ts";
import { dorsetMonitoringForm } from "./monitoring-form.ts";
import { dorsetPermissions } from "./permissions.ts";
import { dorsetPortal } from "./portal.ts";
import { dorsetRequestExtension } from "./request-extension.ts";
import { dorsetRetention } from "./retention.ts";
import { dorsetReviewDueOn } from "./review-due.ts";
import { dorsetRoles } from "./roles.ts";
import { dorsetSettings } from "./settings.ts";

export default defineSchemePlugin({
  id: "dorset",
  name: "Dorset BHLP pilot",
  version: "1.0.0",
  coreVersion: "^0.1.0",
  settings: dorsetSettings,
  rules: (settings) => ({
    checkSubmission: async (review) => [
      ...dorsetEligibility(settings, review),
      ...(await dorsetCaseLimits(settings, review)),
      ...(await dorsetPilotTotal(settings, review)),
    ],
    approvalChain: dorsetApprovalChain,
    reviewDueOn: (approval) => dorsetReviewDueOn(settings, approval),
    receiptsDueInDays: settings.receiptsDueInDays,
  }),
  requestExtension: dorsetRequestExtension,
  roles: dorsetRoles,
  permissions: dorsetPermissions,
  graphql: dorsetGraphQL,
  seedDemo: seedDorsetDemo,
  portal: dorsetPortal,
  retention: dorsetRetention,
  caseStudyForms: [dorsetMonitoringForm],
});
