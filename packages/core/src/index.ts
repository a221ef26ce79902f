// @pathfinder/core's public surface for plugins: the contract and the helpers rules use.

export type { Database } from "./db/prisma-client.ts";
export { formatPence, type Pence, pence } from "./domain/money.ts";
export { DomainError } from "./graphql/domain-errors.ts";
export { standardErrors } from "./graphql/error-types.ts";
export type { EventWording, NotificationEvent } from "./notifications/notification-wording.ts";
export type {
  CaseStudyContext,
  CaseStudyForm,
  CaseStudyQuestion,
  CaseStudySection,
  DemoSeedHelpers,
  NotificationContribution,
  PluginRole,
  PortalContribution,
  PortalField,
  PortalPage,
  PortalPageBlock,
  PortalPageColumn,
  PortalPageContext,
  RetentionContext,
  RetentionContribution,
  SchemeGate,
  SchemePlugin,
} from "./plugins/plugin-contract.ts";
export { defineSchemePlugin } from "./plugins/plugin-contract.ts";
export { addDays, coreScheme } from "./schemes/core-scheme.ts";
export { checkCumulativeCap } from "./schemes/cumulative-cap.ts";
export type {
  ApprovalChain,
  ApprovalStepSpec,
  RequestUnderReview,
  RuleViolation,
  SchemeRules,
} from "./schemes/scheme-rules.ts";
export { financialYear, seedFundedBudget } from "./seed/demo-budgets.ts";
export { DEMO_PASSWORD, type DemoAuthority, seedAuthority } from "./seed/demo-people.ts";
