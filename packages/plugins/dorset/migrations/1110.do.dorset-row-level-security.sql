-- Dorset's tenant table under the same row-level security as core's (see core migration 0010).
SELECT enable_tenant_isolation('dorset_agreement');
