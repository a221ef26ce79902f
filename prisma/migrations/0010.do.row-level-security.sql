-- Isolation between authorities in the database itself, under CASL: defence in depth.
--
-- * The API connects as `pathfinder_app`: not a superuser, no BYPASSRLS, not the owner of any
--   table. Migrations (and the demo seed, a platform job) run as the owner.
-- * Every table with an authority_id has row-level security ENABLED and FORCED (so even the
--   owner, unless it is a superuser, is held to it), with one policy: a row is visible and
--   writable only when its authority_id is the authority set for the current transaction,
--   `SELECT set_config('app.authority_id', <id>, true)`, which the API does once per GraphQL
--   request. NULLIF turns an unset or emptied setting (a pooled connection keeps '' after a
--   transaction that set it) into NULL, and `authority_id = NULL` is never true: no authority,
--   no rows.
-- * Future tenant tables call enable_tenant_isolation('<table>') in their own migration; a
--   catalogue test fails for any table with authority_id that lacks forced RLS.

DO $$
BEGIN
  CREATE ROLE pathfinder_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
EXCEPTION
  -- Roles belong to the server, not the database: another database (a test copy, a second
  -- run) may have created it already, possibly at the same moment.
  WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

GRANT USAGE ON SCHEMA public TO pathfinder_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO pathfinder_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO pathfinder_app;
-- Tables later migrations create (as the same owner) get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO pathfinder_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO pathfinder_app;
-- Migration bookkeeping is the owner's alone.
REVOKE ALL ON schemaversion FROM pathfinder_app;
-- History is appended, never rewritten: the triggers refuse it too, this refuses it first.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event, ledger_entry, scheme_settings FROM pathfinder_app;

CREATE FUNCTION enable_tenant_isolation(target regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
  EXECUTE format('DROP POLICY IF EXISTS authority_isolation ON %s', target);
  EXECUTE format(
    $policy$CREATE POLICY authority_isolation ON %s
      USING (authority_id = NULLIF(current_setting('app.authority_id', true), '')::uuid)
      WITH CHECK (authority_id = NULLIF(current_setting('app.authority_id', true), '')::uuid)$policy$,
    target);
END $$;
REVOKE ALL ON FUNCTION enable_tenant_isolation(regclass) FROM PUBLIC;

SELECT enable_tenant_isolation(c.oid::regclass)
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
  AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'authority_id' AND NOT a.attisdropped);

-- Sessions carry no authority_id: a session is visible only through its staff user, which is
-- itself visible only in its own authority.
ALTER TABLE session ENABLE ROW LEVEL SECURITY;
ALTER TABLE session FORCE ROW LEVEL SECURITY;
CREATE POLICY own_authority_staff ON session
  USING (EXISTS (SELECT 1 FROM staff_user u WHERE u.id = session.staff_user_id))
  WITH CHECK (EXISTS (SELECT 1 FROM staff_user u WHERE u.id = session.staff_user_id));

-- Signing in, and recognising a session token, happen before anyone knows the authority. The
-- two functions below answer exactly those two questions and nothing else (one account by
-- exact e-mail; one live session by token hash), as SECURITY DEFINER functions: they run as
-- the owner, which may read staff users and sessions of every authority through the policies
-- below (a superuser owner needs none). The application role gets EXECUTE on the functions,
-- never that reach on the tables. The caller then sets the authority the answer names.
DO $$
BEGIN
  EXECUTE format('CREATE POLICY sign_in_lookup ON staff_user FOR SELECT TO %I USING (true)', current_user);
END $$;

CREATE FUNCTION sign_in_account(p_email text)
RETURNS TABLE (staff_user_id uuid, authority_id uuid, password_hash text, active boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT u.id, u.authority_id, u.password_hash, u.active FROM staff_user u WHERE u.email = p_email
$$;

CREATE FUNCTION session_staff_user(p_token_hash text)
RETURNS TABLE (staff_user_id uuid, authority_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT u.id, u.authority_id
  FROM session s JOIN staff_user u ON u.id = s.staff_user_id
  WHERE s.token_hash = p_token_hash AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active
$$;

REVOKE ALL ON FUNCTION sign_in_account(text), session_staff_user(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sign_in_account(text), session_staff_user(text) TO pathfinder_app;
