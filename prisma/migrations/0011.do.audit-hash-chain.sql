-- The audit log as a hash chain per authority: every entry stores the hash of the entry before
-- it (in that authority) and its own hash over that and its content, so changing, deleting or
-- reordering an entry breaks the chain where it happened (verified by audit/audit-chain.ts).
--
-- Entries are sealed into the chain when their transaction commits (a deferred trigger), not
-- when inserted: sealing takes a per-authority lock that serialises writers of one authority,
-- and taking it as the very last thing a transaction does means it is held only for the
-- commit, and never before a row lock (which could deadlock with a writer holding the row).
-- The sequence is (re)assigned under that lock, so the chain's order is the sequence's order.

ALTER TABLE audit_event ADD COLUMN prev_hash text, ADD COLUMN hash text;
CREATE INDEX ON audit_event (authority_id, sequence);

-- The hash of one entry: its predecessor's hash and every field, as canonical jsonb text.
CREATE FUNCTION audit_event_hash(e audit_event) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(coalesce(e.prev_hash, '') || jsonb_build_object(
    'id', e.id, 'authority_id', e.authority_id, 'sequence', e.sequence, 'actor_id', e.actor_id,
    'action', e.action, 'entity_type', e.entity_type, 'entity_id', e.entity_id, 'case_id', e.case_id,
    'summary', e.summary, 'before', e.before, 'after', e.after,
    'at', floor(extract(epoch FROM e.at) * 1000)::bigint)::text, 'UTF8')), 'hex')
$$;

-- SECURITY DEFINER: sealing updates the row, which the application role may never do itself.
-- Row-level security still holds it to the transaction's authority.
CREATE FUNCTION seal_audit_event() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
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
  WHERE id = NEW.id;
  RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION seal_audit_event() FROM PUBLIC;

CREATE CONSTRAINT TRIGGER audit_event_sealed_at_commit AFTER INSERT ON audit_event
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION seal_audit_event();

-- Append-only stays: no DELETE or TRUNCATE ever, and the only UPDATE is the sealing of an entry
-- not yet sealed (which only its own, still open, transaction can see), touching only the
-- chain's columns. The application role has no UPDATE or DELETE grant at all (0010).
CREATE FUNCTION refuse_change_to_sealed_audit_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.hash IS NULL AND NEW.hash IS NOT NULL
     AND (to_jsonb(NEW) - ARRAY['sequence', 'prev_hash', 'hash']) = (to_jsonb(OLD) - ARRAY['sequence', 'prev_hash', 'hash']) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_event is append-only: UPDATE is not allowed' USING ERRCODE = 'insufficient_privilege';
END $$;

DROP TRIGGER audit_event_append_only ON audit_event;
CREATE TRIGGER audit_event_append_only BEFORE DELETE OR TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();
CREATE TRIGGER audit_event_sealed_rows_are_final BEFORE UPDATE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION refuse_change_to_sealed_audit_event();

-- Entries written before this migration join the chain in their existing order, authority by
-- authority (row-level security needs the authority set, unless the owner is a superuser).
DO $$
DECLARE
  tenant uuid;
  entry audit_event;
  previous text;
BEGIN
  FOR tenant IN SELECT id FROM authority ORDER BY id LOOP
    PERFORM set_config('app.authority_id', tenant::text, true);
    previous := NULL;
    FOR entry IN SELECT * FROM audit_event WHERE authority_id = tenant ORDER BY sequence LOOP
      entry.prev_hash := previous;
      entry.hash := audit_event_hash(entry);
      UPDATE audit_event SET prev_hash = entry.prev_hash, hash = entry.hash WHERE id = entry.id;
      previous := entry.hash;
    END LOOP;
  END LOOP;
  PERFORM set_config('app.authority_id', '', true);
END $$;
