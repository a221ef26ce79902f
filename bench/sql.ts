// The SQL each operation should need, written by hand: what L0 (pgbench), L1 (node:http + pg)
// and L2 (a minimal yoga) run. Each read is one statement that returns the response's JSON
// shape; it applies the same rules as Pathfinder (the viewer's authority, and area for approvers).

/** Who is asking: the session, its user and their role assignments (every layer authenticates). */
export const sessionSql = `
  SELECT u.id, u.authority_id AS "authorityId",
         coalesce(array_agg(ra.area_id) FILTER (WHERE ra.role = 'APPROVER'), '{}') AS "approverAreas",
         bool_or(ra.role = 'APPROVER' AND ra.area_id IS NULL) AS "approverEverywhere"
  FROM session s JOIN staff_user u ON u.authority_id = s.authority_id AND u.id = s.staff_user_id
  LEFT JOIN role_assignment ra ON ra.authority_id = u.authority_id AND ra.staff_user_id = u.id
  WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active
  GROUP BY u.authority_id, u.id`;

/** The signed-in viewer's own name and e-mail: one primary-key read, the floor under every operation. $1 authority, $2 viewer. */
export const meSql = `
  SELECT json_build_object('name', u.name, 'email', u.email) AS me
  FROM staff_user u WHERE u.authority_id = $1 AND u.id = $2`;

/**
 * A child's record, read by an approver of an area where the child has a case. $1 authority,
 * $2 child, $3 areas. The household's other children are shown only where the approver could
 * open their records too (a case in one of the areas), as Pathfinder's Child rule requires.
 */
export const childSql = `
  SELECT json_build_object('givenName', c.given_name, 'familyName', c.family_name, 'dateOfBirth', c.date_of_birth,
    'lookedAfter', c.looked_after, 'disabled', c.disabled,
    'household', (SELECT json_build_object('name', h.name, 'postcode', h.postcode, 'children',
        (SELECT json_agg(json_build_object('givenName', s.given_name, 'familyName', s.family_name) ORDER BY s.date_of_birth, s.id)
         FROM child s WHERE s.authority_id = h.authority_id AND s.household_id = h.id
           AND EXISTS (SELECT 1 FROM case_child sc JOIN case_record sr ON sr.authority_id = sc.authority_id AND sr.id = sc.case_id
                       WHERE sc.authority_id = s.authority_id AND sc.child_id = s.id AND sr.area_id = ANY($3::uuid[]))))
      FROM household h WHERE h.authority_id = c.authority_id AND h.id = c.household_id)) AS child
  FROM child c
  WHERE c.authority_id = $1 AND c.id = $2
    AND EXISTS (SELECT 1 FROM case_child cc JOIN case_record cr ON cr.authority_id = cc.authority_id AND cr.id = cc.case_id
                WHERE cc.authority_id = c.authority_id AND cc.child_id = c.id AND cr.area_id = ANY($3::uuid[]))`;

/** The read of a child's record is audited, in every layer. $1 authority, $2 actor, $3 child. */
export const auditReadSql = `
  INSERT INTO audit_event (authority_id, actor_id, action, entity_type, entity_id, summary)
  VALUES ($1, $2, 'child.read', 'Child', $3, 'Viewed a child''s record')`;

/** An approver's queue: a page of requests awaiting their decision, with case, children and budget. */
export const queueSql = `
  SELECT coalesce(json_agg(row ORDER BY row."createdAt" DESC, row.id), '[]') AS page FROM (
    SELECT pr.id, pr.reference, pr.status, json_build_object('pence', pr.total_pence) AS total, pr.submitted_at AS "submittedAt", pr.created_at AS "createdAt",
      json_build_object('reference', cr.reference, 'children',
        (SELECT json_agg(json_build_object('givenName', ch.given_name, 'familyName', ch.family_name) ORDER BY ch.date_of_birth, ch.id)
         FROM case_child cc JOIN child ch ON ch.authority_id = cc.authority_id AND ch.id = cc.child_id
         WHERE cc.authority_id = cr.authority_id AND cc.case_id = cr.id)) AS "case",
      json_build_object('name', b.name, 'available', json_build_object('pence', b.allocated - b.committed - b.spent - b.lapsed)) AS budget
    FROM purchase_request pr
    JOIN case_record cr ON cr.authority_id = pr.authority_id AND cr.id = pr.case_id
    JOIN budget b ON b.authority_id = pr.authority_id AND b.id = pr.budget_id
    WHERE pr.authority_id = $1 AND pr.status = 'AWAITING_DECISION' AND pr.requester_id <> $2 AND cr.area_id = ANY($3::uuid[])
      AND EXISTS (SELECT 1 FROM approval_step st WHERE st.authority_id = pr.authority_id AND st.purchase_request_id = pr.id
                  AND st.status = 'PENDING' AND st.role = 'APPROVER' AND (st.area_id = ANY($3::uuid[]) OR st.area_id IS NULL))
    ORDER BY pr.created_at DESC, pr.id LIMIT $4) row`;

/** A lead professional's open cases, with area, children and latest assessment. $1 authority, $2 lead professional, $3 page size. */
export const caseloadSql = `
  SELECT coalesce(json_agg(row ORDER BY row."openedAt" DESC, row.id), '[]') AS page FROM (
    SELECT cr.id, cr.reference, cr.status, cr.opened_at AS "openedAt",
      json_build_object('name', a.name) AS area,
      (SELECT json_agg(json_build_object('givenName', ch.given_name, 'familyName', ch.family_name, 'dateOfBirth', ch.date_of_birth)
                       ORDER BY ch.date_of_birth, ch.id)
       FROM case_child cc JOIN child ch ON ch.authority_id = cc.authority_id AND ch.id = cc.child_id
       WHERE cc.authority_id = cr.authority_id AND cc.case_id = cr.id) AS children,
      (SELECT json_build_object('completedOn', s.completed_on, 'kind', s.kind) FROM assessment s
       WHERE s.authority_id = cr.authority_id AND s.case_id = cr.id
       ORDER BY s.completed_on DESC, s.created_at DESC, s.id LIMIT 1) AS "latestAssessment"
    FROM case_record cr JOIN area a ON a.authority_id = cr.authority_id AND a.id = cr.area_id
    WHERE cr.authority_id = $1 AND cr.lead_professional_id = $2 AND cr.status = 'OPEN'
    ORDER BY cr.opened_at DESC, cr.id LIMIT $3) row`;

/** Budget balances for a budget manager: the authority's budgets, newest period first. $1 authority, $2 page size. */
export const balancesSql = `
  SELECT coalesce(json_agg(row ORDER BY row."periodStart" DESC, row.name, row.id), '[]') AS page FROM (
    SELECT b.id, b.name, b.status, b.period_start AS "periodStart",
      CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('name', a.name) END AS area,
      json_build_object('pence', b.allocated) AS allocated, json_build_object('pence', b.committed) AS committed,
      json_build_object('pence', b.spent) AS spent, json_build_object('pence', b.lapsed) AS lapsed,
      json_build_object('pence', b.allocated - b.committed - b.spent - b.lapsed) AS available
    FROM budget b LEFT JOIN area a ON a.authority_id = b.authority_id AND a.id = b.area_id
    WHERE b.authority_id = $1 ORDER BY b.period_start DESC, b.name, b.id LIMIT $2) row`;

/**
 * Spend by category over a period for one authority, as Pathfinder's reports API defines it
 * (reports/spend-and-requests.ts): submitted requests with an item in the category, those
 * granted, and the money granted for those items; days are UK calendar days, inclusive, given
 * as a range of instants so that the index on (authority_id, submitted_at) serves it.
 * $1 authority, $2 from, $3 to.
 */
export const spendReportSql = `
  SELECT coalesce(json_agg(totals ORDER BY totals.category), '[]') AS report FROM (
    SELECT i.category::text AS category, count(DISTINCT r.id)::int AS requests,
      count(DISTINCT r.id) FILTER (WHERE r.status IN ('APPROVED', 'FULFILLED', 'RECONCILED', 'CLOSED'))::int AS granted,
      coalesce(sum(i.unit_cost_pence * i.quantity) FILTER (WHERE r.status IN ('APPROVED', 'FULFILLED', 'RECONCILED', 'CLOSED')), 0)::int8 AS spend
    FROM purchase_request r
    JOIN purchase_item i ON i.authority_id = r.authority_id AND i.purchase_request_id = r.id
    WHERE r.authority_id = $1 AND r.submitted_at IS NOT NULL
      AND r.submitted_at >= ($2::date)::timestamp AT TIME ZONE 'Europe/London'
      AND r.submitted_at < ($3::date + 1)::timestamp AT TIME ZONE 'Europe/London'
    GROUP BY i.category) totals`;

/**
 * Approving a request's single (core scheme) step, in one transaction: lock the request and
 * check the viewer may decide its pending step, decide it, post the commitment (the ledger
 * trigger moves the budget and refuses an overspend), move the status, record history and audit.
 */
export const approveSql = {
  lock: `
    SELECT pr.id, pr.authority_id, pr.budget_id, pr.total_pence, pr.reference, st.id AS step_id
    FROM purchase_request pr
    JOIN approval_step st ON st.authority_id = pr.authority_id AND st.purchase_request_id = pr.id AND st.status = 'PENDING'
    WHERE pr.authority_id = $1 AND pr.id = $2 AND pr.status = 'AWAITING_DECISION' AND pr.requester_id <> $3
      AND st.role = 'APPROVER' AND (st.area_id = ANY($4::uuid[]) OR st.area_id IS NULL)
    FOR NO KEY UPDATE OF pr`,
  step: `UPDATE approval_step SET status = 'APPROVED' WHERE authority_id = $1 AND id = $2 AND status = 'PENDING'`,
  decision: `INSERT INTO decision (authority_id, purchase_request_id, step_id, decider_id, role, outcome, rules_version)
             VALUES ($1, $2, $3, $4, 'APPROVER', 'APPROVED', 'core-1')`,
  ledger: `INSERT INTO ledger_entry (authority_id, budget_id, kind, amount, purchase_request_id, created_by_id, note)
           VALUES ($1, $2, 'COMMITMENT', $3, $4, $5, 'Approved ' || $6::text)`,
  status: `UPDATE purchase_request SET status = 'APPROVED', decided_at = now(), review_due_on = current_date + 42
           WHERE authority_id = $1 AND id = $2`,
  history: `INSERT INTO purchase_status_change (authority_id, purchase_request_id, from_status, to_status, actor_id)
            VALUES ($1, $2, 'AWAITING_DECISION', 'APPROVED', $3)`,
  audit: `INSERT INTO audit_event (authority_id, actor_id, action, entity_type, entity_id, summary)
          VALUES ($1, $2, 'purchase.approved', 'PurchaseRequest', $3, 'Approved ' || $4::text)`,
};
