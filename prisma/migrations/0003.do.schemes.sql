-- Which schemes (plugins) each authority runs, and versioned settings with effective dates.

CREATE TABLE authority_scheme (
  authority_id uuid NOT NULL REFERENCES authority (id),
  scheme_id    text NOT NULL,
  enabled      boolean NOT NULL DEFAULT true,
  enabled_at   timestamptz(3) NOT NULL DEFAULT now(),
  disabled_at  timestamptz(3),
  PRIMARY KEY (authority_id, scheme_id)
);

CREATE TABLE scheme_settings (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  authority_id   uuid NOT NULL,
  scheme_id      text NOT NULL,
  version        integer NOT NULL CHECK (version > 0),
  settings       jsonb NOT NULL,
  effective_from date NOT NULL,
  created_by_id  uuid,
  created_at     timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (authority_id, scheme_id, version),
  FOREIGN KEY (authority_id, scheme_id) REFERENCES authority_scheme (authority_id, scheme_id),
  FOREIGN KEY (authority_id, created_by_id) REFERENCES staff_user (authority_id, id)
);
CREATE INDEX ON scheme_settings (authority_id, scheme_id, effective_from);

-- Settings versions are history: never changed, never removed.
CREATE TRIGGER scheme_settings_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON scheme_settings
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();
