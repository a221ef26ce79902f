-- A decision's approval step must be in the decision's own authority: pair the foreign key on
-- authority_id, as every other reference between tenant tables does (a row can never point into
-- another authority, and the pair is what Citus needs to co-locate the two tables).
ALTER TABLE approval_step ADD CONSTRAINT approval_step_authority_id_id_key UNIQUE (authority_id, id);
ALTER TABLE decision DROP CONSTRAINT decision_step_id_fkey;
ALTER TABLE decision
  ADD CONSTRAINT decision_step_id_fkey FOREIGN KEY (authority_id, step_id) REFERENCES approval_step (authority_id, id);
