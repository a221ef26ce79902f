import { withAuthority } from "../db/authority-scope.ts";
import type { Database } from "../db/prisma-client.ts";
import type { AuthorityId } from "../domain/ids.ts";
import type { SchemePlugin } from "../plugins/plugin-contract.ts";

export interface RetentionRun {
  casesPseudonymised: number;
  childrenPseudonymised: number;
}

/** The moment `months` calendar months before `asOf`. */
export function monthsBefore(asOf: Date, months: number): Date {
  const cutoff = new Date(asOf);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

/**
 * The retention job (`npm run jobs:retention`): every case closed longer ago than its
 * authority's retention period loses the personal data in it, and keeps what the money and the
 * statistics need. Kept: amounts, ledger, categories, suppliers, dates, area, scheme, the case
 * reference, outcomes (ECM), the child's birth year (as 1 July), looked-after and disability
 * flags, the postcode's outward code. Removed: names, exact dates of birth, addresses, who
 * signed for cash, meeting attendees and notes, the plan, and any name of the child or family
 * inside other free text (descriptions, notes, outcomes), replaced by "[name removed]".
 *
 * A child (and their household) is pseudonymised only once every case they are on is past
 * retention; until then the closed case's own free text is redacted and the child kept.
 * Each case is one unit of work in a transaction scoped to its authority: the job runs as the
 * application role under row-level security, and a failure leaves other cases unaffected.
 *
 * Each plugin's `retention` hook runs in the same transaction, for its own tables (a Leeds case
 * study, a Dorset agreement). Attachments of the case's assessments lose their stored bytes (see
 * removeAssessmentFiles). Not covered: the audit log, which is append-only and hash-chained (see
 * SECURITY.md, "Retention").
 */
export async function pseudonymiseClosedCases(
  db: Database,
  plugins: readonly Pick<SchemePlugin, "id" | "retention">[],
  asOf = new Date(),
): Promise<RetentionRun> {
  const run: RetentionRun = { casesPseudonymised: 0, childrenPseudonymised: 0 };
  const authorities = await db.authority.findMany({ select: { id: true, caseRetentionMonths: true } });
  for (const authority of authorities) {
    const authorityId = authority.id as AuthorityId;
    const cutoff = monthsBefore(asOf, authority.caseRetentionMonths);
    const due = await withAuthority(db, authorityId, (tx) =>
      tx.case.findMany({
        where: { status: "CLOSED", closedAt: { lt: cutoff }, pseudonymisedAt: null },
        select: { id: true },
        orderBy: { closedAt: "asc" },
      }),
    );
    for (const { id } of due) {
      const children = await withAuthority(db, authorityId, (tx) => pseudonymiseCase(tx, id, cutoff, plugins));
      run.casesPseudonymised++;
      run.childrenPseudonymised += children;
    }
  }
  return run;
}

/** Returns how many of the case's children were pseudonymised (now past retention on every case). */
async function pseudonymiseCase(
  tx: Database,
  caseId: string,
  cutoff: Date,
  plugins: readonly Pick<SchemePlugin, "retention">[],
): Promise<number> {
  const [{ names } = { names: [] as string[] }] = await tx.$queryRaw<{ names: string[] }[]>`
    SELECT coalesce(array_agg(DISTINCT n) FILTER (WHERE n IS NOT NULL AND btrim(n) <> ''), '{}') AS names FROM (
      SELECT unnest(ARRAY[c.given_name, c.family_name, h.name]) AS n
      FROM case_child cc JOIN child c ON c.id = cc.child_id LEFT JOIN household h ON h.id = c.household_id
      WHERE cc.case_id = ${caseId}::uuid
      UNION ALL
      SELECT r.cash_signed_for_by FROM purchase_request r WHERE r.case_id = ${caseId}::uuid
    ) AS named`;

  await tx.$executeRaw`UPDATE case_record SET plan = '', closure_reason = redact_names(closure_reason, ${names}),
    pseudonymised_at = now() WHERE id = ${caseId}::uuid`;
  // Attendance stays countable; who attended does not.
  await tx.$executeRaw`UPDATE team_meeting SET notes = '',
    attendees = coalesce(array_fill('[removed]'::text, ARRAY[cardinality(attendees)]), '{}') WHERE case_id = ${caseId}::uuid`;
  await tx.$executeRaw`UPDATE unmet_need SET description = redact_names(description, ${names}) WHERE case_id = ${caseId}::uuid`;
  await tx.$executeRaw`UPDATE assessment SET priority_needs = ARRAY(SELECT redact_names(need, ${names}) FROM unnest(priority_needs) AS need)
    WHERE case_id = ${caseId}::uuid`;
  await tx.$executeRaw`UPDATE purchase_request SET intended_outcomes = redact_names(intended_outcomes, ${names}),
    other_funding_explanation = redact_names(other_funding_explanation, ${names}),
    cash_signed_for_by = CASE WHEN cash_signed_for_by IS NULL THEN NULL ELSE '[removed]' END
    WHERE case_id = ${caseId}::uuid`;
  const ofTheCase = `(SELECT id FROM purchase_request WHERE case_id = $2::uuid)`;
  for (const statement of [
    `UPDATE purchase_item SET description = redact_names(description, $1) WHERE purchase_request_id IN ${ofTheCase}`,
    `UPDATE receipt SET description = redact_names(description, $1) WHERE purchase_request_id IN ${ofTheCase}`,
    `UPDATE decision SET note = redact_names(note, $1) WHERE purchase_request_id IN ${ofTheCase}`,
    `UPDATE purchase_status_change SET note = redact_names(note, $1) WHERE purchase_request_id IN ${ofTheCase}`,
    `UPDATE review SET outcome_achieved = redact_names(outcome_achieved, $1), family_comments = '',
       other_notes = redact_names(other_notes, $1) WHERE purchase_request_id IN ${ofTheCase}`,
  ])
    await tx.$executeRawUnsafe(statement, names, caseId);
  await removeAssessmentFiles(tx, caseId, names);
  for (const plugin of plugins) await plugin.retention?.pseudonymiseCase({ db: tx, caseId, names });

  // Children whose every case is now past retention: identity gone, birth year kept.
  const children = await tx.$executeRaw`
    UPDATE child c SET given_name = 'Redacted', family_name = 'Redacted',
      date_of_birth = make_date(extract(year FROM c.date_of_birth)::int, 7, 1), pseudonymised_at = now()
    WHERE c.pseudonymised_at IS NULL
      AND c.id IN (SELECT child_id FROM case_child WHERE case_id = ${caseId}::uuid)
      AND NOT EXISTS (
        SELECT 1 FROM case_child other JOIN case_record r ON r.id = other.case_id
        WHERE other.child_id = c.id AND (r.status = 'OPEN' OR r.closed_at >= ${cutoff}))`;
  // A pseudonymised child leaves a household whose other members are still on record: the
  // household's name would otherwise name them.
  await tx.$executeRaw`
    UPDATE child c SET household_id = NULL
    WHERE c.pseudonymised_at IS NOT NULL AND c.household_id IS NOT NULL
      AND c.id IN (SELECT child_id FROM case_child WHERE case_id = ${caseId}::uuid)
      AND EXISTS (SELECT 1 FROM child o WHERE o.household_id = c.household_id AND o.pseudonymised_at IS NULL)`;
  // Households with no child left identifiable: name and address gone, outward postcode kept.
  await tx.$executeRaw`
    UPDATE household h SET name = 'Redacted', address = NULL,
      postcode = nullif(split_part(btrim(h.postcode), ' ', 1), ''), pseudonymised_at = now()
    WHERE h.pseudonymised_at IS NULL
      AND h.id IN (SELECT c.household_id FROM case_child cc JOIN child c ON c.id = cc.child_id WHERE cc.case_id = ${caseId}::uuid)
      AND NOT EXISTS (SELECT 1 FROM child c WHERE c.household_id = h.id AND c.pseudonymised_at IS NULL)`;
  return children;
}

/**
 * An assessment document (a CAF, a referral) is about the family through and through: its
 * stored bytes go, and its name loses the family's names. The row stays, marked removed, so
 * the case still shows that an assessment was attached (and a download says why it cannot be
 * had). Receipts' files stay: they are the financial record.
 */
async function removeAssessmentFiles(tx: Database, caseId: string, names: string[]) {
  const removed = await tx.$queryRaw<{ storage_key: string }[]>`
    UPDATE attachment a SET filename = redact_names(a.filename, ${names}), removed_at = now()
    WHERE a.removed_at IS NULL AND a.id IN (SELECT document_id FROM assessment WHERE case_id = ${caseId}::uuid)
    RETURNING a.storage_key`;
  if (removed.length)
    await tx.storedFile.deleteMany({ where: { key: { in: removed.map((file) => file.storage_key) } } });
}
