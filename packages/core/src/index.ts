// @pathfinder/core's public surface for plugins: the contract and the helpers rules use.
export { defineSchemePlugin } from "./plugins/plugin-contract.ts";
export type { DemoSeedHelpers, PluginRole, PortalContribution, PortalField, SchemeGate, SchemePlugin } from "./plugins/plugin-contract.ts";
export type { ApprovalChain, ApprovalStepSpec, RequestUnderReview, RuleViolation, SchemeRules } from "./schemes/scheme-rules.ts";
export { addDays, coreScheme } from "./schemes/core-scheme.ts";
export { checkCumulativeCap } from "./schemes/cumulative-cap.ts";
export { formatPence, pence, type Pence } from "./domain/money.ts";
export { type DemoAuthority, seedAuthority, DEMO_PASSWORD } from "./seed/demo-people.ts";
export type { Database } from "./db/prisma-client.ts";
