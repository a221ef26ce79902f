-- The ledger is the only way money moves. Migration 0002 already keeps a budget's available
-- figure from going negative (budget_available_not_negative) and the ledger append-only; this
-- closes the remaining ways a code path could make the maintained totals disagree with it.

-- 1. A budget's totals change only through apply_ledger_entry(). A direct UPDATE of them (or
--    a budget inserted with totals already in it) would make the row disagree with the sum of
--    its ledger, so it is refused. The ledger trigger's own UPDATE runs one trigger level down
--    (pg_trigger_depth() = 2 here), which is how it is told apart from a statement issued by
--    the application at level 1.
CREATE FUNCTION budget_totals_only_from_ledger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.allocated <> 0 OR NEW.committed <> 0 OR NEW.spent <> 0 OR NEW.lapsed <> 0 THEN
      RAISE EXCEPTION 'budget_totals_from_ledger: a new budget starts at zero; allocate through the ledger'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'budget_totals_from_ledger';
    END IF;
  ELSIF (NEW.allocated, NEW.committed, NEW.spent, NEW.lapsed)
        IS DISTINCT FROM (OLD.allocated, OLD.committed, OLD.spent, OLD.lapsed)
        AND pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION 'budget_totals_from_ledger: budget % totals change only through ledger entries', OLD.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'budget_totals_from_ledger';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER budget_totals_from_ledger BEFORE INSERT OR UPDATE ON budget
  FOR EACH ROW EXECUTE FUNCTION budget_totals_only_from_ledger();

-- 2. A budget's ledger is never removed from under it (the ledger is append-only already;
--    this stops the budget row itself being deleted or truncated once money has touched it).
CREATE FUNCTION budget_kept_while_it_has_ledger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' OR EXISTS (SELECT 1 FROM ledger_entry WHERE budget_id = OLD.id) THEN
    RAISE EXCEPTION 'budget_has_ledger: a budget with ledger entries cannot be removed'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'budget_has_ledger';
  END IF;
  RETURN OLD;
END $$;

CREATE TRIGGER budget_kept_while_it_has_ledger BEFORE DELETE ON budget
  FOR EACH ROW EXECUTE FUNCTION budget_kept_while_it_has_ledger();
CREATE TRIGGER budget_not_truncated BEFORE TRUNCATE ON budget
  FOR EACH STATEMENT EXECUTE FUNCTION budget_kept_while_it_has_ledger();

-- 3. Per purchase request, money moves in order: what is released or spent was committed to
--    that request first, and what is returned was spent on it first. Without this, a release
--    for one request could silently free another request's commitment on the same budget.
--    Entries for a request also stay on the request's own budget.
CREATE FUNCTION ledger_entry_follows_its_request() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  request_budget uuid;
  still_committed bigint;
  still_spent bigint;
BEGIN
  IF NEW.purchase_request_id IS NULL THEN
    RETURN NEW;
  END IF;
  -- The request row's lock serialises concurrent postings for one request.
  SELECT budget_id INTO request_budget FROM purchase_request
    WHERE id = NEW.purchase_request_id AND authority_id = NEW.authority_id FOR NO KEY UPDATE;
  IF request_budget IS DISTINCT FROM NEW.budget_id THEN
    RAISE EXCEPTION 'ledger_entry_on_request_budget: request % draws on another budget', NEW.purchase_request_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_entry_on_request_budget';
  END IF;
  SELECT
    COALESCE(SUM(CASE kind WHEN 'COMMITMENT' THEN amount WHEN 'RELEASE' THEN -amount WHEN 'SPEND' THEN -amount END), 0),
    COALESCE(SUM(CASE kind WHEN 'SPEND' THEN amount WHEN 'RETURN' THEN -amount END), 0)
  INTO still_committed, still_spent
  FROM ledger_entry
  WHERE authority_id = NEW.authority_id AND purchase_request_id = NEW.purchase_request_id;
  IF still_committed < 0 OR still_spent < 0 THEN
    RAISE EXCEPTION 'ledger_entry_request_in_order: request % would release, spend or return more than it had',
      NEW.purchase_request_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_entry_request_in_order';
  END IF;
  RETURN NEW;
END $$;

-- AFTER, so the sum includes the new row; named to run after ledger_entry_moves_budget
-- (triggers of one kind fire in name order), whose budget lock is taken first.
CREATE TRIGGER ledger_entry_request_in_order AFTER INSERT ON ledger_entry
  FOR EACH ROW EXECUTE FUNCTION ledger_entry_follows_its_request();
