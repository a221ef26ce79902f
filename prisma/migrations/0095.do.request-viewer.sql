-- Everything a GraphQL request needs to know about who is asking, in one statement.
--
-- Before this, every request sent three: the session's owner (setting the transaction's
-- authority), the viewer's role assignments and today's cover, and the schemes the authority
-- runs with their settings in force. `begin_request` answers all three: it recognises a live
-- session by its token hash (as session_staff_user does, migration 0010), sets the
-- transaction's authority to that user's (`set_config(..., true)`: local to the transaction),
-- and then reads the rest under row-level security like any other statement of the request,
-- so it can only ever see that one authority's rows. No live session: no row, and the
-- authority stays unset.
--
-- Each scheme's settings come with the id of the settings version in force: versions are
-- never edited (0003), so the API can keep a parsed copy keyed by that id, and a replica
-- never serves settings older than the database's.

CREATE FUNCTION begin_request(p_token_hash text)
RETURNS TABLE (
  staff_user_id uuid,
  authority_id uuid,
  name text,
  email text,
  roles jsonb,
  cover jsonb,
  schemes jsonb
)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  v_user uuid;
  v_authority uuid;
  -- Cover and settings are in force by the UTC date, as the API has always taken "today".
  v_today date := (now() AT TIME ZONE 'UTC')::date;
BEGIN
  SELECT u.id, u.authority_id INTO v_user, v_authority
  FROM session s JOIN staff_user u ON u.authority_id = s.authority_id AND u.id = s.staff_user_id
  WHERE s.token_hash = p_token_hash AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active;
  IF v_user IS NULL THEN
    RETURN;
  END IF;
  PERFORM set_config('app.authority_id', v_authority::text, true);

  RETURN QUERY
  SELECT
    u.id,
    u.authority_id,
    u.name,
    u.email,
    COALESCE((
      SELECT jsonb_agg(jsonb_build_object('role', r.role, 'areaId', r.area_id) ORDER BY r.created_at, r.id)
      FROM role_assignment r
      WHERE r.authority_id = u.authority_id AND r.staff_user_id = u.id
    ), '[]'::jsonb),
    COALESCE((
      SELECT jsonb_agg(jsonb_build_object(
        'id', d.id,
        'name', d.name,
        'roles', COALESCE((
          SELECT jsonb_agg(jsonb_build_object('role', r.role, 'areaId', r.area_id) ORDER BY r.created_at, r.id)
          FROM role_assignment r
          WHERE r.authority_id = d.authority_id AND r.staff_user_id = d.id
        ), '[]'::jsonb)
      ) ORDER BY dl.starts_on, dl.id)
      FROM delegation dl
      JOIN staff_user d ON d.authority_id = dl.authority_id AND d.id = dl.delegator_id
      WHERE dl.authority_id = u.authority_id AND dl.delegate_id = u.id
        AND dl.starts_on <= v_today AND dl.ends_on >= v_today AND d.active
    ), '[]'::jsonb),
    COALESCE((
      SELECT jsonb_agg(jsonb_build_object(
        'schemeId', a.scheme_id,
        'settingsId', current_settings.id,
        'settings', current_settings.settings
      ) ORDER BY a.scheme_id)
      FROM authority_scheme a
      LEFT JOIN LATERAL (
        SELECT ss.id, ss.settings
        FROM scheme_settings ss
        WHERE ss.authority_id = a.authority_id AND ss.scheme_id = a.scheme_id AND ss.effective_from <= v_today
        ORDER BY ss.effective_from DESC, ss.version DESC
        LIMIT 1
      ) current_settings ON true
      WHERE a.authority_id = u.authority_id AND a.enabled
    ), '[]'::jsonb)
  FROM staff_user u
  WHERE u.authority_id = v_authority AND u.id = v_user;
END $$;

REVOKE ALL ON FUNCTION begin_request(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION begin_request(text) TO pathfinder_app;
