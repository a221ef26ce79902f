-- Keyed by authority like every core table (core migration 0090, docs/scaling.md): the primary key
-- becomes (authority_id, id), so Citus can co-locate Leeds's case studies with their cases.
SELECT key_by_authority('leeds_case_study');
