// Leeds' Early Intervention Fund (the BHLP pathfinder, mainstreamed): five wedges, each with an
// Integrated Processes Coordinator who decides its requests and covers the others during leave;
// at most four priority needs per assessment; route A (the IPC orders) or route B (cash, with
// receipts and change brought back); preferred providers; unmet needs and case studies recorded.
import { addDays, defineSchemePlugin } from "@pathfinder/core";
import { leedsApprovalChain } from "./approval.ts";
import { leedsCaseStudyForm } from "./case-study-form.ts";
import { leedsCashSignedByLeadProfessional } from "./cash-signature.ts";
import { seedLeedsDemo } from "./demo-data.ts";
import { leedsSubmissionViolations } from "./eligibility.ts";
import { leedsGraphQL } from "./graphql.ts";
import { leedsPermissions } from "./permissions.ts";
import { leedsPortal } from "./portal.ts";
import { leedsRetention } from "./retention.ts";
import { leedsRoles } from "./roles.ts";
import { leedsRequestExtension, leedsSettings } from "./settings.ts";
import { unmetNeedsPage } from "./unmet-needs-page.ts";

export default defineSchemePlugin({
  id: "leeds",
  name: "Leeds Early Intervention Fund",
  version: "1.0.0",
  coreVersion: "^0.1.0",
  settings: leedsSettings,
  rules: (settings) => ({
    checkSubmission: (review) => leedsSubmissionViolations(settings, review),
    approvalChain: leedsApprovalChain,
    reviewDueOn: ({ approvedOn }) => addDays(approvedOn, settings.reviewDueInDays),
    receiptsDueInDays: settings.receiptsDueInDays,
  }),
  hooks: { onFulfilment: leedsCashSignedByLeadProfessional },
  requestExtension: leedsRequestExtension,
  roles: leedsRoles,
  permissions: leedsPermissions,
  graphql: leedsGraphQL,
  seedDemo: seedLeedsDemo,
  portal: leedsPortal,
  retention: leedsRetention,
  caseStudyForms: [leedsCaseStudyForm],
  pages: [unmetNeedsPage],
});
