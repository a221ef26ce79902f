-- The core domain: children, cases, assessments, budgets and their ledger, suppliers, cover,
-- purchase requests with approval chains and decisions, receipts, reviews, attachments, audit.
-- Every tenant-owned table carries authority_id, and every reference between tenant-owned
-- tables includes it, so no row can point into another authority.

CREATE TYPE case_status AS ENUM ('OPEN', 'CLOSED');
CREATE TYPE assessment_kind AS ENUM ('CAF', 'SPECIALIST');
CREATE TYPE budget_status AS ENUM ('OPEN', 'CLOSED');
CREATE TYPE ledger_entry_kind AS ENUM ('ALLOCATION', 'COMMITMENT', 'RELEASE', 'SPEND', 'RETURN', 'LAPSE');
CREATE TYPE purchase_category AS ENUM (
  'CHILDCARE', 'LEISURE_OR_CULTURAL', 'TRANSPORT', 'COUNSELLING_OR_TRADED_SERVICE', 'DOMESTIC_EQUIPMENT',
  'CLOTHING_AND_UNIFORM', 'EDUCATION_AND_TRAINING', 'HOUSING_SET_UP', 'EMERGENCY_PROVISION', 'OTHER');
CREATE TYPE ecm_outcome AS ENUM (
  'BE_HEALTHY', 'STAY_SAFE', 'ENJOY_AND_ACHIEVE', 'MAKE_A_POSITIVE_CONTRIBUTION', 'ACHIEVE_ECONOMIC_WELLBEING');
CREATE TYPE purchase_route AS ENUM ('SUPPLIER_ORDER', 'CASH');
CREATE TYPE purchase_status AS ENUM (
  'DRAFT', 'AWAITING_DECISION', 'RETURNED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'FULFILLED', 'RECONCILED', 'CLOSED');
CREATE TYPE step_status AS ENUM ('WAITING', 'PENDING', 'APPROVED', 'REJECTED', 'RETURNED', 'CANCELLED');
CREATE TYPE decision_outcome AS ENUM ('APPROVED', 'REJECTED', 'RETURNED');
CREATE TYPE attachment_kind AS ENUM ('ASSESSMENT', 'RECEIPT', 'OTHER');

-- Attachments and stored files ------------------------------------------------------------

CREATE TABLE attachment (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  authority_id   uuid NOT NULL REFERENCES authority (id),
  kind           attachment_kind NOT NULL,
  filename       text NOT NULL,
  content_type   text NOT NULL,
  size_bytes     integer NOT NULL CHECK (size_bytes > 0),
  sha256         text NOT NULL,
  storage_key    text NOT NULL,
  uploaded_by_id uuid NOT NULL,
  created_at     timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (authority_id, id),
  FOREIGN KEY (authority_id, uploaded_by_id) REFERENCES staff_user (authority_id, id)
);
CREATE INDEX ON attachment (authority_id, sha256);

CREATE TABLE stored_file (
  key          text PRIMARY KEY,
  authority_id uuid NOT NULL REFERENCES authority (id),
  content      bytea NOT NULL,
  created_at   timestamptz(3) NOT NULL DEFAULT now()
);

-- Children and cases ----------------------------------------------------------------------

CREATE TABLE household (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  authority_id uuid NOT NULL REFERENCES authority (id),
  name         text NOT NULL,
  address      text,
  postcode     text,
  created_at   timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (authority_id, id)
);

CREATE TABLE child (
  id                           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  authority_id                 uuid NOT NULL REFERENCES authority (id),
  household_id                 uuid,
  given_name                   text NOT NULL,
  family_name                  text NOT NULL,
  date_of_birth                date NOT NULL,
  looked_after                 boolean NOT NULL DEFAULT false,
  disabled                     boolean NOT NULL DEFAULT false,
  eligible_for_direct_payments boolean NOT NULL DEFAULT false,
  created_at                   timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (authority_id, id),
  FOREIGN KEY (authority_id, household_id) REFERENCES household (authority_id, id)
);
CREATE INDEX ON child (authority_id, family_name, given_name);

CREATE TABLE case_record (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  authority_id         uuid NOT NULL REFERENCES authority (id),
  area_id              uuid NOT NULL,
  lead_professional_id uuid,
  reference            text NOT NULL,
  status               case_status NOT NULL DEFAULT 'OPEN',
  plan                 text NOT NULL DEFAULT '',
  opened_at            timestamptz(3) NOT NULL DEFAULT now(),
  closed_at            timestamptz(3),
  closure_reason       text,
  extensions           jsonb NOT NULL DEFAULT '{}',
  UNIQUE (authority_id, id),
  UNIQUE (authority_id, reference),
  FOREIGN KEY (authority_id, area_id) REFERENCES area (authority_id, id),
  FOREIGN KEY (authority_id, lead_professional_id) REFERENCES staff_user (authority_id, id)
);
CREATE INDEX ON case_record (authority_id, lead_professional_id, status);
CREATE INDEX ON case_record (authority_id, area_id, status);

CREATE TABLE case_child (
  authority_id uuid NOT NULL,
  case_id      uuid NOT NULL,
  child_id     uuid NOT NULL,
  PRIMARY KEY (case_id, child_id),
  FOREIGN KEY (authority_id, case_id) REFERENCES case_record (authority_id, id) ON DELETE CASCADE,
  FOREIGN KEY (authority_id, child_id) REFERENCES child (authority_id, id)
);
CREATE INDEX ON case_child (authority_id, child_id);

CREATE TABLE assessment (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  authority_id   uuid NOT NULL,
  case_id        uuid NOT NULL,
  kind           assessment_kind NOT NULL,
  completed_on   date NOT NULL,
  priority_needs text[] NOT NULL,
  document_id    uuid,
  recorded_by_id uuid NOT NULL,
  created_at     timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (authority_id, id),
  FOREIGN KEY (authority_id, case_id) REFERENCES case_record (authority_id, id),
  FOREIGN KEY (authority_id, document_id) REFERENCES attachment (authority_id, id),
  FOREIGN KEY (authority_id, recorded_by_id) REFERENCES staff_user (authority_id, id)
);
CREATE INDEX ON assessment (authority_id, case_id);

CREATE TABLE team_meeting (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  authority_id uuid NOT NULL,
  case_id      uuid NOT NULL,
  held_on      date NOT NULL,
  attendees    text[] NOT NULL,
  notes        text NOT NULL DEFAULT '',
  created_at   timestamptz(3) NOT NULL DEFAULT now(),
  FOREIGN KEY (authority_id, case_id) REFERENCES case_record (authority_id, id)
);
CREATE INDEX ON team_meeting (authority_id, case_id);

CREATE TABLE unmet_need (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  authority_id         uuid NOT NULL,
  case_id              uuid NOT NULL,
  category             purchase_category NOT NULL,
  description          text NOT NULL,
  estimated_cost_pence integer CHECK (estimated_cost_pence >= 0),
  recorded_by_id       uuid NOT NULL,
  created_at           timestamptz(3) NOT NULL DEFAULT now(),
  FOREIGN KEY (authority_id, case_id) REFERENCES case_record (authority_id, id),
  FOREIGN KEY (authority_id, recorded_by_id) REFERENCES staff_user (authority_id, id)
);
CREATE INDEX ON unmet_need (authority_id, case_id);

-- Budgets, the ledger, suppliers, cover ---------------------------------------------------

CREATE TABLE budget (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  authority_id  uuid NOT NULL REFERENCES authority (id),
  area_id       uuid,
  scheme        text NOT NULL DEFAULT 'core',
  name          text NOT NULL,
  period_start  date NOT NULL,
  period_end    date NOT NULL,
  holder_role   role NOT NULL,
  status        budget_status NOT NULL DEFAULT 'OPEN',
  carry_forward boolean NOT NULL DEFAULT false,
  allocated     integer NOT NULL DEFAULT 0 CHECK (allocated >= 0),
  committed     integer NOT NULL DEFAULT 0 CHECK (committed >= 0),
  spent         integer NOT NULL DEFAULT 0 CHECK (spent >= 0),
  lapsed        integer NOT NULL DEFAULT 0 CHECK (lapsed >= 0),
  closed_at     timestamptz(3),
  created_at    timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (authority_id, id),
  FOREIGN KEY (authority_id, area_id) REFERENCES area (authority_id, id),
  CONSTRAINT budget_period_in_order CHECK (period_end >= period_start),
  -- The invariant of the whole platform: a budget can never promise more than it holds.
  CONSTRAINT budget_available_not_negative CHECK (allocated - committed - spent - lapsed >= 0)
);
CREATE INDEX ON budget (authority_id, area_id, status);

CREATE TABLE supplier (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  authority_id     uuid NOT NULL REFERENCES authority (id),
  name             text NOT NULL,
  on_supplier_list boolean NOT NULL DEFAULT false,
  preferred        boolean NOT NULL DEFAULT false,
  invoices_council boolean NOT NULL DEFAULT false,
  created_at       timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (authority_id, id),
  UNIQUE (authority_id, name)
);

CREATE TABLE delegation (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  authority_id uuid NOT NULL,
  delegator_id uuid NOT NULL,
  delegate_id  uuid NOT NULL,
  starts_on    date NOT NULL,
  ends_on      date NOT NULL,
  reason       text NOT NULL,
  created_at   timestamptz(3) NOT NULL DEFAULT now(),
  FOREIGN KEY (authority_id, delegator_id) REFERENCES staff_user (authority_id, id),
  FOREIGN KEY (authority_id, delegate_id) REFERENCES staff_user (authority_id, id),
  CHECK (ends_on >= starts_on),
  CHECK (delegator_id <> delegate_id)
);
CREATE INDEX ON delegation (authority_id, delegate_id, starts_on, ends_on);

-- Purchase requests -----------------------------------------------------------------------

CREATE TABLE purchase_request (
  id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  authority_id              uuid NOT NULL REFERENCES authority (id),
  case_id                   uuid NOT NULL,
  budget_id                 uuid NOT NULL,
  requester_id              uuid NOT NULL,
  reference                 text NOT NULL,
  status                    purchase_status NOT NULL DEFAULT 'DRAFT',
  route                     purchase_route NOT NULL,
  intended_outcomes         text NOT NULL DEFAULT '',
  ecm_outcomes              ecm_outcome[] NOT NULL DEFAULT '{}',
  other_funding_explanation text NOT NULL DEFAULT '',
  matched_funding_pence     integer NOT NULL DEFAULT 0 CHECK (matched_funding_pence >= 0),
  total_pence               integer NOT NULL DEFAULT 0 CHECK (total_pence >= 0),
  rules_version             text,
  order_reference           text,
  cash_issued_pence         integer CHECK (cash_issued_pence > 0),
  cash_signed_for_by        text,
  receipts_due_on           date,
  review_due_on             date,
  created_at                timestamptz(3) NOT NULL DEFAULT now(),
  submitted_at              timestamptz(3),
  decided_at                timestamptz(3),
  fulfilled_at              timestamptz(3),
  reconciled_at             timestamptz(3),
  closed_at                 timestamptz(3),
  extensions                jsonb NOT NULL DEFAULT '{}',
  UNIQUE (authority_id, id),
  UNIQUE (authority_id, reference),
  FOREIGN KEY (authority_id, case_id) REFERENCES case_record (authority_id, id),
  FOREIGN KEY (authority_id, budget_id) REFERENCES budget (authority_id, id),
  FOREIGN KEY (authority_id, requester_id) REFERENCES staff_user (authority_id, id)
);
CREATE INDEX ON purchase_request (authority_id, case_id);
CREATE INDEX ON purchase_request (authority_id, budget_id, status);
CREATE INDEX ON purchase_request (authority_id, status, submitted_at);
CREATE INDEX ON purchase_request (authority_id, requester_id, status);

CREATE TABLE purchase_item (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  authority_id        uuid NOT NULL,
  purchase_request_id uuid NOT NULL,
  position            integer NOT NULL,
  category            purchase_category NOT NULL,
  description         text NOT NULL,
  supplier_id         uuid,
  unit_cost_pence     integer NOT NULL CHECK (unit_cost_pence > 0),
  quantity            integer NOT NULL CHECK (quantity > 0),
  UNIQUE (purchase_request_id, position),
  FOREIGN KEY (authority_id, purchase_request_id) REFERENCES purchase_request (authority_id, id) ON DELETE CASCADE,
  FOREIGN KEY (authority_id, supplier_id) REFERENCES supplier (authority_id, id)
);
CREATE INDEX ON purchase_item (authority_id, supplier_id);

CREATE TABLE approval_step (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  authority_id        uuid NOT NULL,
  purchase_request_id uuid NOT NULL,
  round               integer NOT NULL,
  position            integer NOT NULL,
  role                role NOT NULL,
  area_id             uuid,
  label               text NOT NULL,
  status              step_status NOT NULL DEFAULT 'WAITING',
  UNIQUE (purchase_request_id, round, position),
  FOREIGN KEY (authority_id, purchase_request_id) REFERENCES purchase_request (authority_id, id) ON DELETE CASCADE,
  FOREIGN KEY (authority_id, area_id) REFERENCES area (authority_id, id)
);
CREATE INDEX ON approval_step (authority_id, status, role, area_id);

CREATE TABLE decision (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  authority_id        uuid NOT NULL,
  purchase_request_id uuid NOT NULL,
  step_id             uuid REFERENCES approval_step (id),
  decider_id          uuid NOT NULL,
  on_behalf_of_id     uuid,
  role                role NOT NULL,
  outcome             decision_outcome NOT NULL,
  note                text NOT NULL DEFAULT '',
  rules_version       text,
  decided_at          timestamptz(3) NOT NULL DEFAULT now(),
  FOREIGN KEY (authority_id, purchase_request_id) REFERENCES purchase_request (authority_id, id),
  FOREIGN KEY (authority_id, decider_id) REFERENCES staff_user (authority_id, id),
  FOREIGN KEY (authority_id, on_behalf_of_id) REFERENCES staff_user (authority_id, id)
);
CREATE INDEX ON decision (authority_id, purchase_request_id);

CREATE TABLE purchase_status_change (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  authority_id        uuid NOT NULL,
  purchase_request_id uuid NOT NULL,
  from_status         purchase_status,
  to_status           purchase_status NOT NULL,
  actor_id            uuid,
  note                text NOT NULL DEFAULT '',
  at                  timestamptz(3) NOT NULL DEFAULT now(),
  FOREIGN KEY (authority_id, purchase_request_id) REFERENCES purchase_request (authority_id, id) ON DELETE CASCADE,
  FOREIGN KEY (authority_id, actor_id) REFERENCES staff_user (authority_id, id)
);
CREATE INDEX ON purchase_status_change (authority_id, purchase_request_id, at);

CREATE TABLE receipt (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  authority_id        uuid NOT NULL,
  purchase_request_id uuid NOT NULL,
  amount_pence        integer NOT NULL CHECK (amount_pence > 0),
  description         text NOT NULL DEFAULT '',
  attachment_id       uuid,
  recorded_by_id      uuid NOT NULL,
  created_at          timestamptz(3) NOT NULL DEFAULT now(),
  -- The same receipt file can back only one receipt.
  UNIQUE (authority_id, attachment_id),
  FOREIGN KEY (authority_id, purchase_request_id) REFERENCES purchase_request (authority_id, id),
  FOREIGN KEY (authority_id, attachment_id) REFERENCES attachment (authority_id, id),
  FOREIGN KEY (authority_id, recorded_by_id) REFERENCES staff_user (authority_id, id)
);
CREATE INDEX ON receipt (authority_id, purchase_request_id);

CREATE TABLE review (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  authority_id        uuid NOT NULL,
  purchase_request_id uuid NOT NULL,
  outcome_achieved    text NOT NULL,
  ecm_achieved        ecm_outcome[] NOT NULL,
  family_comments     text NOT NULL DEFAULT '',
  other_notes         text NOT NULL DEFAULT '',
  recorded_by_id      uuid NOT NULL,
  recorded_at         timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (authority_id, purchase_request_id),
  FOREIGN KEY (authority_id, purchase_request_id) REFERENCES purchase_request (authority_id, id),
  FOREIGN KEY (authority_id, recorded_by_id) REFERENCES staff_user (authority_id, id)
);

-- The ledger ------------------------------------------------------------------------------

CREATE TABLE ledger_entry (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  authority_id        uuid NOT NULL,
  budget_id           uuid NOT NULL,
  kind                ledger_entry_kind NOT NULL,
  amount              integer NOT NULL CHECK (amount > 0),
  purchase_request_id uuid,
  created_by_id       uuid,
  note                text NOT NULL DEFAULT '',
  created_at          timestamptz(3) NOT NULL DEFAULT now(),
  sequence            bigserial NOT NULL,
  FOREIGN KEY (authority_id, budget_id) REFERENCES budget (authority_id, id),
  FOREIGN KEY (authority_id, purchase_request_id) REFERENCES purchase_request (authority_id, id),
  FOREIGN KEY (authority_id, created_by_id) REFERENCES staff_user (authority_id, id)
);
CREATE INDEX ON ledger_entry (authority_id, budget_id, sequence);
CREATE INDEX ON ledger_entry (authority_id, purchase_request_id);

-- Every ledger insert moves the budget's running totals in the same statement. The UPDATE
-- takes the budget row's lock, so concurrent commitments queue on it, and each re-checks
-- budget_available_not_negative against the latest totals: no interleaving can overspend.
CREATE FUNCTION apply_ledger_entry() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  budget_status budget_status;
BEGIN
  -- Lock the budget row first: concurrent postings to one budget queue here.
  -- NO KEY UPDATE, like the UPDATE below: it does not conflict with the key-share locks that
  -- foreign-key checks from concurrent ledger inserts hold, so they queue rather than deadlock.
  SELECT status INTO budget_status FROM budget WHERE id = NEW.budget_id AND authority_id = NEW.authority_id FOR NO KEY UPDATE;
  IF budget_status = 'CLOSED' AND NEW.kind IN ('ALLOCATION', 'COMMITMENT') THEN
    RAISE EXCEPTION 'budget_closed: budget % is closed to new allocations and commitments', NEW.budget_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'budget_closed';
  END IF;
  UPDATE budget SET
    allocated = allocated + CASE NEW.kind WHEN 'ALLOCATION' THEN NEW.amount ELSE 0 END,
    committed = committed + CASE NEW.kind WHEN 'COMMITMENT' THEN NEW.amount
                                          WHEN 'RELEASE' THEN -NEW.amount
                                          WHEN 'SPEND' THEN -NEW.amount ELSE 0 END,
    spent     = spent + CASE NEW.kind WHEN 'SPEND' THEN NEW.amount WHEN 'RETURN' THEN -NEW.amount ELSE 0 END,
    lapsed    = lapsed + CASE NEW.kind WHEN 'LAPSE' THEN NEW.amount ELSE 0 END
  WHERE id = NEW.budget_id AND authority_id = NEW.authority_id;
  RETURN NEW;
END $$;

CREATE TRIGGER ledger_entry_moves_budget AFTER INSERT ON ledger_entry
  FOR EACH ROW EXECUTE FUNCTION apply_ledger_entry();

CREATE FUNCTION refuse_change_to_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger_entry
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();

-- Audit -----------------------------------------------------------------------------------

CREATE TABLE audit_event (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  authority_id uuid NOT NULL REFERENCES authority (id),
  actor_id     uuid,
  action       text NOT NULL,
  entity_type  text NOT NULL,
  entity_id    uuid NOT NULL,
  case_id      uuid,
  summary      text NOT NULL,
  before       jsonb,
  after        jsonb,
  at           timestamptz(3) NOT NULL DEFAULT now(),
  sequence     bigserial NOT NULL,
  FOREIGN KEY (authority_id, actor_id) REFERENCES staff_user (authority_id, id)
);
CREATE INDEX ON audit_event (authority_id, case_id, sequence);
CREATE INDEX ON audit_event (authority_id, entity_type, entity_id, sequence);

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();
