-- Retention: how long each authority keeps a closed case's personal data, and marks for what
-- the pseudonymisation job (retention/pseudonymise-closed-cases.ts) has already done.
-- 72 months: six years after closure, a common local-authority schedule for early-help records.

ALTER TABLE authority ADD COLUMN case_retention_months integer NOT NULL DEFAULT 72
  CONSTRAINT authority_case_retention_positive CHECK (case_retention_months > 0);
ALTER TABLE case_record ADD COLUMN pseudonymised_at timestamptz(3);
ALTER TABLE child ADD COLUMN pseudonymised_at timestamptz(3);
ALTER TABLE household ADD COLUMN pseudonymised_at timestamptz(3);

-- Free text with every given name, family name or other name in `names` replaced, as whole
-- words and in any case: "Swimming for Chidi's club" -> "Swimming for [name removed]'s club".
CREATE FUNCTION redact_names(t text, names text[]) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  name text;
BEGIN
  IF t IS NULL THEN RETURN NULL; END IF;
  FOREACH name IN ARRAY names LOOP
    IF name IS NOT NULL AND btrim(name) <> '' THEN
      t := regexp_replace(t, '\m' || regexp_replace(btrim(name), '([^[:alnum:][:space:]])', '\\\1', 'g') || '\M',
                          '[name removed]', 'gi');
    END IF;
  END LOOP;
  RETURN t;
END $$;
