-- Keys by authority: the shape Citus needs to distribute every tenant table by authority_id and
-- co-locate them (docs/scaling.md, "What changes in migrations"). Every primary key and unique
-- constraint of a tenant table includes authority_id; sessions carry their authority; sign-in by
-- e-mail reads a small platform-wide table of logins. Single-node PostgreSQL behaves as before:
-- every key that was unique still is (a uuid is unique on its own, and a key that holds one, or an
-- e-mail address, is no less unique with the authority beside it).

-- 1. The primary key swap, (id) → (authority_id, id), for one table. Foreign keys that point at
--    the table name (authority_id, id) already (each targets the table's UNIQUE (authority_id, id)
--    today), so they are dropped, the unique constraint goes (the new primary key is the same
--    index), and they are made again against the primary key. Does nothing for a table whose
--    primary key already holds authority_id, so a plugin may call it whatever ran before.
CREATE FUNCTION key_by_authority(target regclass) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  primary_key text;
  primary_columns text[];
  referencing record;
  again text[] := '{}';
  statement text;
BEGIN
  SELECT c.conname, array_agg(a.attname::text ORDER BY k.ord) INTO primary_key, primary_columns
  FROM pg_constraint c CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
  WHERE c.conrelid = target AND c.contype = 'p' GROUP BY c.conname;
  IF primary_columns @> ARRAY['authority_id'] THEN RETURN; END IF;
  IF primary_columns IS DISTINCT FROM ARRAY['id'] THEN
    RAISE EXCEPTION 'key_by_authority: % has primary key %, not (id)', target, primary_columns;
  END IF;
  FOR referencing IN
    SELECT c.conrelid::regclass AS source, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
    FROM pg_constraint c WHERE c.contype = 'f' AND c.confrelid = target
  LOOP
    again := again || format('ALTER TABLE %s ADD CONSTRAINT %I %s', referencing.source, referencing.name, referencing.definition);
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', referencing.source, referencing.name);
  END LOOP;
  EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', target, primary_key);
  FOR statement IN
    SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', target, c.conname)
    FROM pg_constraint c WHERE c.conrelid = target AND c.contype = 'u'
      AND c.conkey = ARRAY[
        (SELECT attnum FROM pg_attribute WHERE attrelid = target AND attname = 'authority_id'),
        (SELECT attnum FROM pg_attribute WHERE attrelid = target AND attname = 'id')]::int2[]
  LOOP
    EXECUTE statement;
  END LOOP;
  EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I PRIMARY KEY (authority_id, id)', target, primary_key);
  FOREACH statement IN ARRAY again LOOP
    EXECUTE statement;
  END LOOP;
END $$;
REVOKE ALL ON FUNCTION key_by_authority(regclass) FROM PUBLIC;

-- 2. Sessions carry their authority (the staff user's), and are fenced like every tenant table.
ALTER TABLE session ADD COLUMN authority_id uuid;
UPDATE session s SET authority_id = u.authority_id FROM staff_user u WHERE u.id = s.staff_user_id;
ALTER TABLE session ALTER COLUMN authority_id SET NOT NULL;
ALTER TABLE session DROP CONSTRAINT session_staff_user_id_fkey;
ALTER TABLE session ADD CONSTRAINT session_authority_id_fkey FOREIGN KEY (authority_id) REFERENCES authority (id);
ALTER TABLE session ADD CONSTRAINT session_staff_user_id_fkey
  FOREIGN KEY (authority_id, staff_user_id) REFERENCES staff_user (authority_id, id) ON DELETE CASCADE;
-- A token is looked up by its hash before anyone knows the authority: authority_id goes after the
-- hash, so this one index answers that lookup (on Citus, a query to every shard's index).
ALTER TABLE session DROP CONSTRAINT session_token_hash_key;
ALTER TABLE session ADD CONSTRAINT session_token_hash_key UNIQUE (token_hash, authority_id);
DROP POLICY own_authority_staff ON session;
SELECT enable_tenant_isolation('session');

CREATE OR REPLACE FUNCTION session_staff_user(p_token_hash text)
RETURNS TABLE (staff_user_id uuid, authority_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT u.id, u.authority_id
  FROM session s JOIN staff_user u ON u.authority_id = s.authority_id AND u.id = s.staff_user_id
  WHERE s.token_hash = p_token_hash AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active
$$;
DO $$
BEGIN
  -- As for staff users (0010): the owner, running that function, may find any authority's session.
  EXECUTE format('CREATE POLICY session_lookup ON session FOR SELECT TO %I USING (true)', current_user);
END $$;

-- 3. Sign-in by e-mail. An address names one member of staff on the whole platform; a distributed
--    table cannot keep that unique, so a small table of logins (a Citus reference table: one copy
--    on every node) does, and says whose the address is. staff_user keeps (authority_id, email).
--    The trigger writes it in the same transaction as the staff user, so the two never disagree;
--    a second member of staff with an address already taken fails on staff_login's primary key.
CREATE TABLE staff_login (
  email         text PRIMARY KEY,
  authority_id  uuid NOT NULL REFERENCES authority (id),
  -- No foreign key to staff_user: Citus allows none from a reference table to a distributed one.
  staff_user_id uuid NOT NULL
);
INSERT INTO staff_login (email, authority_id, staff_user_id) SELECT email, authority_id, id FROM staff_user;
ALTER TABLE staff_user DROP CONSTRAINT staff_user_email_key;
ALTER TABLE staff_user ADD CONSTRAINT staff_user_authority_id_email_key UNIQUE (authority_id, email);

CREATE FUNCTION keep_staff_login() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM staff_login WHERE email = OLD.email AND staff_user_id = OLD.id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO staff_login (email, authority_id, staff_user_id) VALUES (NEW.email, NEW.authority_id, NEW.id);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER staff_user_login AFTER INSERT OR DELETE OR UPDATE OF email, authority_id ON staff_user
  FOR EACH ROW EXECUTE FUNCTION keep_staff_login();

SELECT enable_tenant_isolation('staff_login');
DO $$
BEGIN
  EXECUTE format('CREATE POLICY sign_in_lookup ON staff_login FOR SELECT TO %I USING (true)', current_user);
END $$;

CREATE OR REPLACE FUNCTION sign_in_account(p_email text)
RETURNS TABLE (staff_user_id uuid, authority_id uuid, password_hash text, active boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT u.id, u.authority_id, u.password_hash, u.active
  FROM staff_login l JOIN staff_user u ON u.authority_id = l.authority_id AND u.id = l.staff_user_id
  WHERE l.email = p_email
$$;

-- 4. Natural keys inside one parent row gain authority_id in front.
ALTER TABLE role_assignment DROP CONSTRAINT role_assignment_staff_user_id_role_area_id_key;
ALTER TABLE role_assignment ADD CONSTRAINT role_assignment_staff_user_id_role_area_id_key
  UNIQUE (authority_id, staff_user_id, role, area_id);
ALTER TABLE purchase_item DROP CONSTRAINT purchase_item_purchase_request_id_position_key;
ALTER TABLE purchase_item ADD CONSTRAINT purchase_item_purchase_request_id_position_key
  UNIQUE (authority_id, purchase_request_id, position);
ALTER TABLE approval_step DROP CONSTRAINT approval_step_purchase_request_id_round_position_key;
ALTER TABLE approval_step ADD CONSTRAINT approval_step_purchase_request_id_round_position_key
  UNIQUE (authority_id, purchase_request_id, round, position);
ALTER TABLE identity_provider_group_role DROP CONSTRAINT identity_provider_group_role_identity_provider_id_group_nam_key;
ALTER TABLE identity_provider_group_role ADD CONSTRAINT identity_provider_group_role_identity_provider_id_group_nam_key
  UNIQUE NULLS NOT DISTINCT (authority_id, identity_provider_id, group_name, role, area_id);
ALTER TABLE external_identity DROP CONSTRAINT external_identity_identity_provider_id_subject_key;
ALTER TABLE external_identity ADD CONSTRAINT external_identity_identity_provider_id_subject_key
  UNIQUE (authority_id, identity_provider_id, subject);
-- The callback knows the authority (its provider's) before it looks the sign-in up.
ALTER TABLE oidc_sign_in DROP CONSTRAINT oidc_sign_in_browser_hash_key;
ALTER TABLE oidc_sign_in ADD CONSTRAINT oidc_sign_in_browser_hash_key UNIQUE (authority_id, browser_hash);

-- 5. Keys that are not an id: a child's place in a case, and a stored file's storage key.
ALTER TABLE case_child DROP CONSTRAINT case_child_pkey;
ALTER TABLE case_child ADD CONSTRAINT case_child_pkey PRIMARY KEY (authority_id, case_id, child_id);
ALTER TABLE stored_file DROP CONSTRAINT stored_file_pkey;
ALTER TABLE stored_file ADD CONSTRAINT stored_file_pkey PRIMARY KEY (authority_id, key);

-- 6. Every core tenant table keyed (authority_id, id). Plugins call key_by_authority for their own
--    tables in their own migrations; a table that exists by now (whoever made it) is done here too.
SELECT key_by_authority(c.oid::regclass)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
JOIN pg_constraint p ON p.conrelid = c.oid AND p.contype = 'p'
WHERE c.relkind IN ('r', 'p')
  AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'authority_id' AND NOT a.attisdropped)
  AND p.conkey = ARRAY[(SELECT attnum FROM pg_attribute WHERE attrelid = c.oid AND attname = 'id')]::int2[]
ORDER BY c.relname;

-- 7. Statements that run as the owner look rows up by (authority_id, id), the key's whole prefix:
--    the owner may be a superuser, which row-level security does not hold, so no policy adds the
--    authority for it and a lookup by id alone would read the whole table.
CREATE OR REPLACE FUNCTION seal_audit_event() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public AS $$
DECLARE
  sealed audit_event;
BEGIN
  -- One sealer per authority at a time; released at commit, a moment from now.
  PERFORM pg_advisory_xact_lock(1868654, hashtext(NEW.authority_id::text));
  sealed := NEW;
  -- A fresh snapshot (VOLATILE, READ COMMITTED): the head as the last sealer committed it.
  SELECT e.hash INTO sealed.prev_hash FROM audit_event e
  WHERE e.authority_id = NEW.authority_id AND e.hash IS NOT NULL
  ORDER BY e.sequence DESC LIMIT 1;
  sealed.sequence := nextval(pg_get_serial_sequence('audit_event', 'sequence'));
  sealed.hash := audit_event_hash(sealed);
  UPDATE audit_event SET sequence = sealed.sequence, prev_hash = sealed.prev_hash, hash = sealed.hash
  WHERE authority_id = NEW.authority_id AND id = NEW.id;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION budget_kept_while_it_has_ledger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' OR EXISTS (
    SELECT 1 FROM ledger_entry WHERE authority_id = OLD.authority_id AND budget_id = OLD.id
  ) THEN
    RAISE EXCEPTION 'budget_has_ledger: a budget with ledger entries cannot be removed'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'budget_has_ledger';
  END IF;
  RETURN OLD;
END $$;
