// What Dorset's own table holds about a family, removed when core's retention job pseudonymises
// the case: the co-ordinator's notes go; what was agreed and how it is reviewed stay (the
// monitoring figures need them), without the family's names.
import type { RetentionContribution } from "@pathfinder/core";

export const dorsetRetention: RetentionContribution = {
  tables: ["dorset_agreement"],
  async pseudonymiseCase({ db, caseId, names }) {
    await db.$executeRaw`UPDATE dorset_agreement SET notes = '',
        service_agreed = redact_names(service_agreed, ${names}),
        review_process = redact_names(review_process, ${names})
      WHERE purchase_request_id IN (SELECT id FROM purchase_request WHERE case_id = ${caseId}::uuid)`;
  },
};
