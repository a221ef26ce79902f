// The statements of the scale seed, in order. Temporary "spine" tables compute each row's
// invented values once; the real tables are then filled from them in one statement each.
import type { ScaleSeedOptions } from "./scale-seed.ts";

export interface SeedStatement {
  sql: string;
  /** The table whose inserted rows this statement adds to the count (none for helpers). */
  table?: string;
}

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
const array = (values: readonly string[]) => `ARRAY[${values.map(literal).join(",")}]`;

// Invented names only (rule 7): common given and family names in no real combination.
const givenNames = array([
  "Amara",
  "Ben",
  "Chloe",
  "Dylan",
  "Ella",
  "Finn",
  "Grace",
  "Harvey",
  "Isla",
  "Jack",
  "Kai",
  "Lily",
  "Mason",
  "Nia",
  "Oscar",
  "Poppy",
  "Quinn",
  "Ruby",
  "Sami",
  "Tia",
  "Umar",
  "Violet",
  "Wren",
  "Yusuf",
  "Zara",
  "Alfie",
  "Bea",
  "Caleb",
  "Daisy",
  "Ezra",
]);
const familyNames = array([
  "Ashdown",
  "Brightwell",
  "Corran",
  "Dunmore",
  "Elsworth",
  "Fairley",
  "Garrow",
  "Hollins",
  "Iverson",
  "Jessop",
  "Kettering",
  "Lowther",
  "Marchant",
  "Northey",
  "Oakridge",
  "Pellow",
  "Quarry",
  "Rudd",
  "Sallis",
  "Tranter",
  "Underhill",
  "Vosper",
  "Wetherby",
  "Yarwood",
  "Zennor",
  "Ambler",
  "Birtles",
  "Colley",
  "Dearden",
  "Ellery",
]);
const areaNames = array([
  "Northgate",
  "Riverside",
  "Southfields",
  "Eastbrook",
  "Westmoor",
  "Hillcrest",
  "Millbank",
  "Oakvale",
]);
const categories = array([
  "CHILDCARE",
  "LEISURE_OR_CULTURAL",
  "TRANSPORT",
  "COUNSELLING_OR_TRADED_SERVICE",
  "DOMESTIC_EQUIPMENT",
  "CLOTHING_AND_UNIFORM",
  "EDUCATION_AND_TRAINING",
  "HOUSING_SET_UP",
  "EMERGENCY_PROVISION",
  "OTHER",
]);
const itemDescriptions = array([
  "After-school club, one term",
  "Swimming lessons",
  "Bus pass, three months",
  "Family counselling sessions",
  "Washing machine",
  "School uniform",
  "College course fees",
  "Bed and bedding",
  "Food and fuel vouchers",
  "Sensory toys",
]);
const ecm = array([
  "BE_HEALTHY",
  "STAY_SAFE",
  "ENJOY_AND_ACHIEVE",
  "MAKE_A_POSITIVE_CONTRIBUTION",
  "ACHIEVE_ECONOMIC_WELLBEING",
]);
const needs = array(["Routines at home", "School attendance", "Parenting support", "Emotional wellbeing", "Housing"]);

// Lifecycle buckets (per cent, cumulative): every status a request can be in.
const statusOf = (roll: string) => `CASE
  WHEN ${roll} < 5 THEN 'DRAFT' WHEN ${roll} < 15 THEN 'AWAITING_DECISION' WHEN ${roll} < 18 THEN 'RETURNED'
  WHEN ${roll} < 28 THEN 'APPROVED' WHEN ${roll} < 33 THEN 'REJECTED' WHEN ${roll} < 35 THEN 'WITHDRAWN'
  WHEN ${roll} < 50 THEN 'FULFILLED' WHEN ${roll} < 70 THEN 'RECONCILED' ELSE 'CLOSED' END`;

const pick = (names: string, key: string) => `(${names})[1 + pg_temp.r(${key}) % array_length(${names}, 1)]`;

export function scaleSeedStatements(options: ScaleSeedOptions): SeedStatement[] {
  const { authorities: A, cases: N, areas: P, caseload: K, years: Y, seed } = options;
  const today = options.today ?? new Date();
  const todayIso = today.toISOString().slice(0, 10);
  // The financial year runs from 1 April.
  const fy = today.getUTCMonth() >= 3 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
  const lpsPerArea = Math.floor((Math.ceil(N / A) - 1) / P / K) + 1;
  const s = `s${seed}`;
  const active = `('DRAFT','AWAITING_DECISION','RETURNED','APPROVED','FULFILLED')`;
  const committedStatuses = `('APPROVED','FULFILLED','RECONCILED','CLOSED')`;
  const spentStatuses = `('FULFILLED','RECONCILED','CLOSED')`;

  return [
    // Deterministic pseudo-random numbers and ids: md5 of (seed, key).
    {
      sql: `CREATE FUNCTION pg_temp.r(k text) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
        $$ SELECT ('x' || substr(md5('${seed}:' || k), 1, 15))::bit(60)::bigint $$`,
    },
    {
      sql: `CREATE FUNCTION pg_temp.u(k text) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
        $$ SELECT md5('${seed}:id:' || k)::uuid $$`,
    },
    {
      table: "authority",
      sql: `INSERT INTO authority (id, name, code, created_at)
        SELECT pg_temp.u('auth:' || a), 'Scale Authority ' || lpad((a + 1)::text, 4, '0') || ' (seed ${seed})',
               '${s}-a' || (a + 1), make_date(${fy - Y}, 3, 1)
        FROM generate_series(0, ${A - 1}) a`,
    },
    {
      table: "area",
      sql: `INSERT INTO area (id, authority_id, name)
        SELECT pg_temp.u('area:' || a || ':' || p), pg_temp.u('auth:' || a),
               (${areaNames})[1 + p % array_length(${areaNames}, 1)]
                 || CASE WHEN p >= array_length(${areaNames}, 1) THEN ' ' || (p / array_length(${areaNames}, 1) + 1) ELSE '' END
        FROM generate_series(0, ${A - 1}) a, generate_series(0, ${P - 1}) p`,
    },
    {
      sql: `CREATE TEMP TABLE s_staff AS
        SELECT pg_temp.u('lp:' || a || ':' || p || ':' || k) AS id, a, p, 'LEAD_PROFESSIONAL'::role AS role,
               'lp' || p || '-' || k || '.a' || (a + 1) || '.${s}@scale.example' AS email, 'Lead professional' AS job_title
        FROM generate_series(0, ${A - 1}) a, generate_series(0, ${P - 1}) p, generate_series(0, ${lpsPerArea - 1}) k
        UNION ALL
        SELECT pg_temp.u('approver:' || a || ':' || p), a, p, 'APPROVER', 'approver' || p || '.a' || (a + 1) || '.${s}@scale.example',
               'Locality co-ordinator'
        FROM generate_series(0, ${A - 1}) a, generate_series(0, ${P - 1}) p
        UNION ALL
        SELECT pg_temp.u(kind || ':' || a), a, NULL, role::role, kind || '.a' || (a + 1) || '.${s}@scale.example', title
        FROM generate_series(0, ${A - 1}) a,
             (VALUES ('budgets', 'BUDGET_MANAGER', 'Budget manager'), ('finance', 'FINANCE_OFFICER', 'Finance officer'),
                     ('admin', 'AUTHORITY_ADMIN', 'Service administrator'), ('overseer', 'OVERSEER', 'Steering group chair'))
               AS kinds(kind, role, title)`,
    },
    {
      table: "staff_user",
      sql: `INSERT INTO staff_user (id, authority_id, email, name, job_title, password_hash)
        SELECT id, pg_temp.u('auth:' || a), email,
               ${pick(givenNames, "'sg:' || email")} || ' ' || ${pick(familyNames, "'sf:' || email")}, job_title,
               ${literal(options.passwordHash)}
        FROM s_staff`,
    },
    {
      table: "role_assignment",
      sql: `INSERT INTO role_assignment (authority_id, staff_user_id, role, area_id)
        SELECT pg_temp.u('auth:' || a), id, role, CASE WHEN p IS NULL THEN NULL ELSE pg_temp.u('area:' || a || ':' || p) END
        FROM s_staff`,
    },
    {
      table: "supplier",
      sql: `INSERT INTO supplier (id, authority_id, name, on_supplier_list, preferred, invoices_council)
        SELECT pg_temp.u('sup:' || a || ':' || n), pg_temp.u('auth:' || a),
               ${pick(familyNames, "'sn:' || a || ':' || n")} || ' Services ' || (n + 1), n % 2 = 0, n % 4 = 0, n % 3 <> 2
        FROM generate_series(0, ${A - 1}) a, generate_series(0, 11) n`,
    },
    // Cases: authority a = c mod A; within it, areas in turn, then lead professionals by caseload.
    {
      sql: `CREATE TEMP TABLE s_case AS
        SELECT c, a, ci, p, pg_temp.u('case:' || c) AS id, pg_temp.u('auth:' || a) AS authority_id,
               pg_temp.u('area:' || a || ':' || p) AS area_id, pg_temp.u('lp:' || a || ':' || p || ':' || (ci / ${P} / ${K})) AS lp_id,
               pg_temp.r('cs:' || c) % 100 < 20 AS closed,
               timestamptz '${todayIso}' - make_interval(days => (pg_temp.r('co:' || c) % ${Y * 365 - 1} + 1)::int) AS opened_at,
               ${pick(familyNames, "'fam:' || c")} AS family_name,
               1 + (pg_temp.r('sib:' || c) % 4 = 0)::int AS children
        FROM (SELECT c, c % ${A} AS a, c / ${A} AS ci, (c / ${A}) % ${P} AS p FROM generate_series(0, ${N - 1}) c) spine`,
    },
    { sql: "ANALYZE s_case" },
    {
      table: "case_record",
      sql: `INSERT INTO case_record (id, authority_id, area_id, lead_professional_id, reference, status, plan, opened_at, closed_at, closure_reason)
        SELECT id, authority_id, area_id, lp_id, 'SC-' || lpad(ci::text, 7, '0'), CASE WHEN closed THEN 'CLOSED' ELSE 'OPEN' END::case_status,
               'Weekly key-worker visits; review at the next Team Around the Child meeting.', opened_at,
               CASE WHEN closed THEN LEAST(opened_at + interval '200 days', timestamptz '${todayIso}') END,
               CASE WHEN closed THEN 'Needs met; stepped down to universal services.' END
        FROM s_case`,
    },
    {
      table: "household",
      sql: `INSERT INTO household (id, authority_id, name, address, postcode)
        SELECT pg_temp.u('hh:' || c), authority_id, family_name || ' household', (pg_temp.r('hn:' || c) % 200 + 1) || ' Invented Road',
               'ZZ' || (pg_temp.r('pc:' || c) % 90 + 10) || ' ' || (pg_temp.r('pd:' || c) % 9 + 1) || 'XY'
        FROM s_case`,
    },
    {
      table: "child",
      sql: `INSERT INTO child (id, authority_id, household_id, given_name, family_name, date_of_birth, looked_after, disabled, eligible_for_direct_payments)
        SELECT pg_temp.u('child:' || c || ':' || k), authority_id, pg_temp.u('hh:' || c), ${pick(givenNames, "'cg:' || c || ':' || k")},
               family_name, date '${todayIso}' - (pg_temp.r('dob:' || c || ':' || k) % (17 * 365) + 30)::int,
               pg_temp.r('la:' || c || ':' || k) % 100 < 5, pg_temp.r('dis:' || c || ':' || k) % 100 < 8,
               pg_temp.r('dp:' || c || ':' || k) % 100 < 4
        FROM s_case, generate_series(0, children - 1) k`,
    },
    {
      table: "case_child",
      sql: `INSERT INTO case_child (authority_id, case_id, child_id)
        SELECT authority_id, id, pg_temp.u('child:' || c || ':' || k) FROM s_case, generate_series(0, children - 1) k`,
    },
    {
      table: "assessment",
      sql: `INSERT INTO assessment (id, authority_id, case_id, kind, completed_on, priority_needs, recorded_by_id)
        SELECT pg_temp.u('as:' || c), authority_id, id, CASE WHEN pg_temp.r('ak:' || c) % 10 = 0 THEN 'SPECIALIST' ELSE 'CAF' END::assessment_kind,
               opened_at::date, ARRAY[${pick(needs, "'nd:' || c")}], lp_id
        FROM s_case`,
    },
    // Budgets: one per area and one authority-wide (p = -1) for each financial year (y = 0 is this one).
    {
      sql: `CREATE TEMP TABLE s_budget AS
        SELECT pg_temp.u('budget:' || a || ':' || p || ':' || y) AS id, a, p, y, pg_temp.u('auth:' || a) AS authority_id,
               CASE WHEN p < 0 THEN NULL ELSE pg_temp.u('area:' || a || ':' || p) END AS area_id,
               make_date((${fy} - y)::int, 4, 1) AS period_start, make_date((${fy} - y + 1)::int, 3, 31) AS period_end
        FROM generate_series(0, ${A - 1}) a, generate_series(-1, ${P - 1}) p, generate_series(0, ${Y - 1}) y`,
    },
    {
      table: "budget",
      sql: `INSERT INTO budget (id, authority_id, area_id, name, period_start, period_end, holder_role)
        SELECT id, authority_id, area_id,
               CASE WHEN p < 0 THEN 'Authority-wide fund ' ELSE 'Area ' || (p + 1) || ' fund ' END
                 || extract(year FROM period_start) || '/' || right(extract(year FROM period_end)::text, 2),
               period_start, period_end, CASE WHEN p < 0 THEN 'BUDGET_MANAGER' ELSE 'APPROVER' END::role
        FROM s_budget`,
    },
    // Requests: 1-4 per case. Undecided or unfinished ones draw on this year's budgets; finished
    // ones on any year's. A closed case has no request still in progress.
    {
      sql: `CREATE TEMP TABLE s_request AS
        SELECT *, CASE WHEN y = 0 THEN make_date(${fy}, 4, 1) + (pg_temp.r('cd:' || id) % GREATEST(1, date '${todayIso}' - make_date(${fy}, 4, 1)))::int
                       ELSE make_date((${fy} - y)::int, 4, 1) + (pg_temp.r('cd:' || id) % 360)::int END::timestamptz
                  + make_interval(secs => pg_temp.r('cs:' || id) % 36000 + 28800) AS created_at
        FROM (
          SELECT pg_temp.u('pr:' || c || ':' || j) AS id, c, j, a, ci, p, authority_id, area_id, lp_id, status,
                 CASE WHEN status IN ${active} THEN 0 ELSE pg_temp.r('py:' || c || ':' || j) % ${Y} END AS y,
                 CASE WHEN pg_temp.r('pb:' || c || ':' || j) % 100 < 15 THEN -1 ELSE p END AS bp,
                 CASE WHEN pg_temp.r('rt:' || c || ':' || j) % 100 < 35 THEN 'CASH' ELSE 'SUPPLIER_ORDER' END::purchase_route AS route
          FROM (
            SELECT s_case.*, j,
                   CASE WHEN closed AND st IN ${active} THEN 'CLOSED' ELSE st END::purchase_status AS status
            FROM s_case, generate_series(0, (pg_temp.r('nreq:' || c) % 4)::int) j,
                 LATERAL (SELECT ${statusOf("pg_temp.r('st:' || c || ':' || j) % 100")} AS st) roll
          ) with_status
        ) with_year`,
    },
    { sql: "ANALYZE s_request" },
    {
      sql: `CREATE TEMP TABLE s_item AS
        SELECT r.id AS request_id, r.authority_id, r.a, r.route, n AS position,
               (${categories})[1 + pg_temp.r('ic:' || r.id || ':' || n) % 10]::purchase_category AS category,
               (${itemDescriptions})[1 + pg_temp.r('ic:' || r.id || ':' || n) % 10] AS description,
               (500 + pg_temp.r('iu:' || r.id || ':' || n) % 14500)::int AS unit_cost,
               (1 + pg_temp.r('iq:' || r.id || ':' || n) % 3)::int AS quantity
        FROM s_request r, generate_series(1, (1 + pg_temp.r('ni:' || r.id) % 3)::int) n`,
    },
    {
      table: "purchase_request",
      sql: `INSERT INTO purchase_request (id, authority_id, case_id, budget_id, requester_id, reference, status, route,
               intended_outcomes, ecm_outcomes, other_funding_explanation, total_pence, rules_version, order_reference,
               cash_issued_pence, cash_signed_for_by, receipts_due_on, review_due_on, created_at, submitted_at, decided_at,
               fulfilled_at, reconciled_at, closed_at)
        SELECT r.id, r.authority_id, pg_temp.u('case:' || r.c), pg_temp.u('budget:' || r.a || ':' || r.bp || ':' || r.y), r.lp_id,
               'PR-' || lpad(r.ci::text, 7, '0') || '-' || r.j, r.status, r.route,
               'Steadier routines and better school attendance.', ARRAY[${pick(ecm, "'ecm:' || r.id")}]::ecm_outcome[],
               'No statutory funding or charity covers this.', t.total,
               CASE WHEN r.status <> 'DRAFT' THEN 'core-1' END,
               CASE WHEN r.route = 'SUPPLIER_ORDER' AND r.status IN ${spentStatuses} THEN 'PO-' || upper(left(r.id::text, 8)) END,
               CASE WHEN r.route = 'CASH' AND r.status IN ${spentStatuses} THEN t.total END,
               CASE WHEN r.route = 'CASH' AND r.status IN ${spentStatuses} THEN 'Lead professional' END,
               CASE WHEN r.route = 'CASH' AND r.status IN ${spentStatuses} THEN (r.created_at + interval '34 days')::date END,
               CASE WHEN r.status IN ${committedStatuses} THEN (r.created_at + interval '45 days')::date END,
               r.created_at,
               CASE WHEN r.status <> 'DRAFT' THEN r.created_at + interval '1 day' END,
               CASE WHEN r.status NOT IN ('DRAFT', 'AWAITING_DECISION') THEN r.created_at + interval '3 days' END,
               CASE WHEN r.status IN ${spentStatuses} THEN r.created_at + interval '6 days' END,
               CASE WHEN r.status IN ('RECONCILED', 'CLOSED') THEN r.created_at + interval '26 days' END,
               CASE WHEN r.status = 'CLOSED' THEN r.created_at + interval '86 days' END
        FROM s_request r JOIN (SELECT request_id, sum(unit_cost * quantity)::int AS total FROM s_item GROUP BY request_id) t
          ON t.request_id = r.id`,
    },
    {
      table: "purchase_item",
      sql: `INSERT INTO purchase_item (authority_id, purchase_request_id, position, category, description, supplier_id, unit_cost_pence, quantity)
        SELECT authority_id, request_id, position, category, description,
               CASE WHEN route = 'SUPPLIER_ORDER' THEN pg_temp.u('sup:' || a || ':' || (pg_temp.r('is:' || request_id || ':' || position) % 12)) END,
               unit_cost, quantity
        FROM s_item`,
    },
    // Core's scheme: one step, the approver of the case's area.
    {
      table: "approval_step",
      sql: `INSERT INTO approval_step (id, authority_id, purchase_request_id, round, position, role, area_id, label, status)
        SELECT pg_temp.u('step:' || id), authority_id, id, 1, 1, 'APPROVER', area_id, 'Approver',
               CASE status WHEN 'AWAITING_DECISION' THEN 'PENDING' WHEN 'RETURNED' THEN 'RETURNED' WHEN 'REJECTED' THEN 'REJECTED'
                           WHEN 'WITHDRAWN' THEN 'CANCELLED' ELSE 'APPROVED' END::step_status
        FROM s_request WHERE status <> 'DRAFT'`,
    },
    {
      table: "decision",
      sql: `INSERT INTO decision (authority_id, purchase_request_id, step_id, decider_id, role, outcome, note, rules_version, decided_at)
        SELECT authority_id, id, pg_temp.u('step:' || id), pg_temp.u('approver:' || a || ':' || p), 'APPROVER',
               CASE status WHEN 'RETURNED' THEN 'RETURNED' WHEN 'REJECTED' THEN 'REJECTED' ELSE 'APPROVED' END::decision_outcome,
               CASE status WHEN 'RETURNED' THEN 'Please add a quote.' WHEN 'REJECTED' THEN 'Statutory funding applies.' ELSE '' END,
               'core-1', created_at + interval '3 days'
        FROM s_request WHERE status NOT IN ('DRAFT', 'AWAITING_DECISION', 'WITHDRAWN')`,
    },
    {
      table: "purchase_status_change",
      sql: `INSERT INTO purchase_status_change (authority_id, purchase_request_id, from_status, to_status, actor_id, at)
        SELECT authority_id, id, NULL::purchase_status, 'DRAFT'::purchase_status, lp_id, created_at FROM s_request
        UNION ALL
        SELECT authority_id, id, 'DRAFT', 'AWAITING_DECISION', lp_id, created_at + interval '1 day' FROM s_request WHERE status <> 'DRAFT'
        UNION ALL
        SELECT authority_id, id, 'AWAITING_DECISION', status, pg_temp.u('approver:' || a || ':' || p), created_at + interval '3 days'
        FROM s_request WHERE status NOT IN ('DRAFT', 'AWAITING_DECISION')`,
    },
    // The ledger, through its trigger, in an order that never takes a budget below zero:
    // allocations (enough for what the year's requests commit, and more), then commitments,
    // spending, returned cash; then past years close and lapse what is left.
    {
      table: "ledger_entry",
      sql: `INSERT INTO ledger_entry (authority_id, budget_id, kind, amount, note, created_at, created_by_id)
        SELECT b.authority_id, b.id, 'ALLOCATION', (COALESCE(needed, 0) * 5 / 4 + 500000)::int, 'Annual allocation',
               b.period_start::timestamptz, pg_temp.u('budgets:' || b.a)
        FROM s_budget b LEFT JOIN (
          SELECT pr.budget_id, sum(pr.total_pence) AS needed FROM purchase_request pr JOIN s_request r ON r.id = pr.id
          WHERE pr.status IN ${committedStatuses} GROUP BY pr.budget_id
        ) n ON n.budget_id = b.id
        ORDER BY b.id`,
    },
    // Commitments, spending and returned cash, in the order each budget saw them, numbered into
    // chunks of a few per budget: each chunk is its own transaction (see seedScale), because a
    // row updated many times in one transaction grows a version chain every update must walk.
    {
      sql: `CREATE TEMP TABLE s_ledger AS
        SELECT *, (row_number() OVER (PARTITION BY budget_id ORDER BY rank, at, request_id) - 1) / ${LEDGER_CHUNK} AS chunk FROM (
          SELECT pr.authority_id, pr.budget_id, 1 AS rank, 'COMMITMENT'::ledger_entry_kind AS kind, pr.total_pence AS amount,
                 pr.id AS request_id, 'Approved ' || pr.reference AS note, pr.decided_at AS at, pg_temp.u('approver:' || r.a || ':' || r.p) AS actor
          FROM purchase_request pr JOIN s_request r ON r.id = pr.id WHERE pr.status IN ${committedStatuses}
          UNION ALL
          SELECT pr.authority_id, pr.budget_id, 2, 'SPEND', pr.total_pence, pr.id, 'Paid ' || pr.reference, pr.fulfilled_at,
                 pg_temp.u('finance:' || r.a)
          FROM purchase_request pr JOIN s_request r ON r.id = pr.id WHERE pr.status IN ${spentStatuses}
          UNION ALL
          SELECT pr.authority_id, pr.budget_id, 3, 'RETURN', pr.total_pence / 10, pr.id, 'Unspent cash returned', pr.reconciled_at,
                 pg_temp.u('finance:' || r.a)
          FROM purchase_request pr JOIN s_request r ON r.id = pr.id
          WHERE pr.route = 'CASH' AND pr.status IN ('RECONCILED', 'CLOSED') AND pr.total_pence >= 10
            AND pg_temp.r('ret:' || pr.id) % 3 = 0
        ) movements`,
    },
    { sql: "CREATE INDEX ON s_ledger (chunk)" },
    { sql: "ANALYZE s_ledger" },
  ];
}

/** Ledger movements per budget per transaction. */
const LEDGER_CHUNK = 32;

/** One chunk of the ledger's movements, in order (the trigger keeps the budget's totals). */
export const ledgerChunkSql = `
  INSERT INTO ledger_entry (authority_id, budget_id, kind, amount, purchase_request_id, note, created_at, created_by_id)
  SELECT authority_id, budget_id, kind, amount, request_id, note, at, actor FROM s_ledger WHERE chunk = $1
  ORDER BY rank, at, request_id`;

export const ledgerChunkCountSql = "SELECT coalesce(max(chunk) + 1, 0)::int AS chunks FROM s_ledger";

/** After the movements: past years close, and what was left in them lapses. */
export function closingStatements(): SeedStatement[] {
  return [
    {
      sql: `UPDATE budget b SET status = 'CLOSED', closed_at = (s.period_end + 1)::timestamptz
        FROM s_budget s WHERE s.id = b.id AND s.y > 0`,
    },
    {
      table: "ledger_entry",
      sql: `INSERT INTO ledger_entry (authority_id, budget_id, kind, amount, note, created_at)
        SELECT b.authority_id, b.id, 'LAPSE', b.allocated - b.committed - b.spent - b.lapsed, 'Period closed', b.closed_at
        FROM budget b JOIN s_budget s ON s.id = b.id
        WHERE s.y > 0 AND b.allocated - b.committed - b.spent - b.lapsed > 0 ORDER BY b.id`,
    },
  ];
}
