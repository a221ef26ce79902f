import type { Role } from "../generated/prisma/enums.ts";
import type { SchemeRegistry, SchemeRules } from "./scheme-rules.ts";

const DAY = 86_400_000;
export const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY);

/**
 * Core's default scheme: one approver in the case's area decides every request; the review
 * falls due six weeks after approval for up to £100, three months above.
 */
export const coreScheme: SchemeRules = {
  schemeId: "core",
  rulesVersion: "core-1",
  checkSubmission: async () => [],
  approvalChain: async ({ case: c }) => ({
    kind: "steps",
    steps: [{ role: "APPROVER" satisfies Role, areaId: c.areaId, label: "Approver" }],
  }),
  reviewDueOn: ({ total, approvedOn }) => addDays(approvedOn, total <= 10_000 ? 42 : 91),
  receiptsDueInDays: 28,
};

/**
 * Holds the scheme rules available to this server. The plugin issue replaces the fixed map
 * with rules built from each authority's enabled plugins and versioned settings.
 */
export class StaticSchemeRegistry implements SchemeRegistry {
  private readonly schemes = new Map<string, SchemeRules>([[coreScheme.schemeId, coreScheme]]);

  register(rules: SchemeRules): this {
    this.schemes.set(rules.schemeId, rules);
    return this;
  }

  async rulesFor(_authorityId: string, schemeId: string): Promise<SchemeRules> {
    const rules = this.schemes.get(schemeId);
    if (!rules) throw new Error(`No rules are installed for scheme "${schemeId}"`);
    return rules;
  }
}
