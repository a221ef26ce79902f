// What Leeds' case study holds about a family, redacted when core's retention job pseudonymises
// the case: the six answers stay (they are the scheme's evidence of what the fund changed),
// without the child's or family's names.
import type { RetentionContribution } from "@pathfinder/core";

export const leedsRetention: RetentionContribution = {
  tables: ["leeds_case_study"],
  async pseudonymiseCase({ db, caseId, names }) {
    await db.$executeRaw`UPDATE leeds_case_study SET
        situation_before = redact_names(situation_before, ${names}),
        needs_identified = redact_names(needs_identified, ${names}),
        actions_taken = redact_names(actions_taken, ${names}),
        cost_and_who_affected = redact_names(cost_and_who_affected, ${names}),
        how_things_changed = redact_names(how_things_changed, ${names}),
        difference_budget_made = redact_names(difference_budget_made, ${names})
      WHERE case_id = ${caseId}::uuid`;
  },
};
