-- The national evaluation's extract: cost per episode of support across authorities.
--
-- Row-level security (0010) holds the API to one authority per transaction, and rightly so. The
-- evaluation is the one reading that spans authorities, and it needs only aggregates: so, as
-- sign_in_account does for signing in, it is one SECURITY DEFINER function that runs as the owner
-- and returns nothing but rows of counts and money per authority and scheme, with every row that
-- counts fewer than the minimum withheld whole. The application role may call the function; it
-- gains no reach on the tables. The minimum has a floor of 2 here, whatever the caller asks.
--
-- An episode of support is one case's grants (approved, fulfilled, reconciled or closed) among
-- requests submitted in the period; days are UK calendar days (Europe/London), as in every report.

DO $$
BEGIN
  EXECUTE format('CREATE POLICY evaluation_extract ON purchase_request FOR SELECT TO %I USING (true)', current_user);
  EXECUTE format('CREATE POLICY evaluation_extract ON budget FOR SELECT TO %I USING (true)', current_user);
  EXECUTE format('CREATE POLICY evaluation_extract ON case_child FOR SELECT TO %I USING (true)', current_user);
END $$;

CREATE FUNCTION evaluation_extract(p_min_count integer, p_authority uuid, p_scheme text, p_from date, p_to date)
RETURNS TABLE (
  "authority" text,
  "scheme" text,
  "suppressed" text,
  "episodes" integer,
  "children" integer,
  "totalCost" bigint,
  "costPerEpisode" bigint,
  "medianCostPerEpisode" bigint
)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  WITH episode AS (
    SELECT r.authority_id AS authority_ref, b.scheme AS scheme_id, r.case_id AS case_ref, sum(r.total_pence) AS cost
    FROM purchase_request r
    JOIN budget b ON b.authority_id = r.authority_id AND b.id = r.budget_id
    WHERE r.submitted_at IS NOT NULL
      AND r.status IN ('APPROVED', 'FULFILLED', 'RECONCILED', 'CLOSED')
      AND (p_authority IS NULL OR r.authority_id = p_authority)
      AND (p_scheme IS NULL OR b.scheme = p_scheme)
      AND (p_from IS NULL OR (r.submitted_at AT TIME ZONE 'Europe/London')::date >= p_from)
      AND (p_to IS NULL OR (r.submitted_at AT TIME ZONE 'Europe/London')::date <= p_to)
    GROUP BY r.authority_id, b.scheme, r.case_id
  ), cell AS (
    SELECT e.authority_ref, e.scheme_id, count(*) AS n_episodes, sum(e.cost) AS total,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY e.cost) AS median,
      (SELECT count(DISTINCT cc.child_id) FROM episode e2
        JOIN case_child cc ON cc.authority_id = e2.authority_ref AND cc.case_id = e2.case_ref
        WHERE e2.authority_ref = e.authority_ref AND e2.scheme_id = e.scheme_id) AS n_children
    FROM episode e GROUP BY e.authority_ref, e.scheme_id
  ), judged AS (
    SELECT cell.*, (n_episodes < GREATEST(p_min_count, 2) OR n_children < GREATEST(p_min_count, 2)) AS withheld
    FROM cell
  )
  SELECT au.name, j.scheme_id,
    CASE WHEN j.withheld THEN 'yes' ELSE 'no' END,
    CASE WHEN j.withheld THEN NULL ELSE j.n_episodes::integer END,
    CASE WHEN j.withheld THEN NULL ELSE j.n_children::integer END,
    CASE WHEN j.withheld THEN NULL ELSE j.total::bigint END,
    CASE WHEN j.withheld THEN NULL ELSE round(j.total::numeric / j.n_episodes)::bigint END,
    CASE WHEN j.withheld THEN NULL ELSE round(j.median)::bigint END
  FROM judged j JOIN authority au ON au.id = j.authority_ref
  ORDER BY au.name, j.scheme_id
$$;

REVOKE ALL ON FUNCTION evaluation_extract(integer, uuid, text, date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION evaluation_extract(integer, uuid, text, date, date) TO pathfinder_app;
