-- As core's migration 0100: each reference column decides the authority, which PostgreSQL
-- cannot know without these statistics (it would divide the rows it expects by the number of
-- authorities). core's test/performance/planner-statistics.test.ts checks every tenant table.
CREATE STATISTICS dorset_agreement_by_authority (dependencies) ON authority_id, purchase_request_id, recorded_by_id FROM dorset_agreement;

ANALYZE dorset_agreement;
