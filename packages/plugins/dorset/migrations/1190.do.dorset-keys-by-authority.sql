-- Keyed by authority like every core table (core migration 0090, docs/scaling.md): the primary key
-- becomes (authority_id, id), so Citus can co-locate Dorset's agreements with their requests.
SELECT key_by_authority('dorset_agreement');
