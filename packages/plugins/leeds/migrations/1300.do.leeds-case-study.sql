-- Leeds plugin: the case study proforma, one per case, written by the case's lead professional
-- during and after the work and forwarded to the wedge's IPC when complete.

CREATE TABLE leeds_case_study (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  authority_id           uuid NOT NULL REFERENCES authority (id),
  case_id                uuid NOT NULL,
  situation_before       text NOT NULL DEFAULT '',
  needs_identified       text NOT NULL DEFAULT '',
  actions_taken          text NOT NULL DEFAULT '',
  cost_and_who_affected  text NOT NULL DEFAULT '',
  cost_prefilled         boolean NOT NULL DEFAULT false,
  how_things_changed     text NOT NULL DEFAULT '',
  difference_budget_made text NOT NULL DEFAULT '',
  completed_at           timestamptz(3),
  recorded_by_id         uuid NOT NULL,
  created_at             timestamptz(3) NOT NULL DEFAULT now(),
  updated_at             timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (authority_id, case_id),
  FOREIGN KEY (authority_id, case_id) REFERENCES case_record (authority_id, id),
  FOREIGN KEY (authority_id, recorded_by_id) REFERENCES staff_user (authority_id, id),
  -- A case study is only complete with all six answers.
  CHECK (completed_at IS NULL OR (
    btrim(situation_before) <> '' AND btrim(needs_identified) <> '' AND btrim(actions_taken) <> '' AND
    btrim(cost_and_who_affected) <> '' AND btrim(how_things_changed) <> '' AND btrim(difference_budget_made) <> ''))
);
