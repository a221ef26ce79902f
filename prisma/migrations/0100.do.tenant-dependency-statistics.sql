-- The planner's estimates for a tenant's rows (issue 8; bench/README.md, "Planner statistics").
--
-- Every lookup names the authority and a reference within it: `authority_id = $1 AND
-- lead_professional_id = $2`. The reference decides the authority, but PostgreSQL assumes
-- columns are independent and multiplies their selectivities, so it expected a lead
-- professional's 25 cases to be about one (25 divided by the number of authorities; worse the
-- more authorities share the database). On such estimates it chose to check a case's children
-- against the viewer's rules by hashing every child of every case the viewer may see and probing
-- each case with all of them: a caseload page read 4,350 buffers in 7.5 ms where 735 buffers and
-- 1.6-2.4 ms do. Functional-dependency statistics tell it that each reference column determines
-- the authority; ANALYZE (and autovacuum's) then keeps them.
--
-- One object per table, over authority_id and each column of a foreign key that begins with it.
-- test/performance/planner-statistics.test.ts fails on a tenant foreign key without one, and
-- checks the estimate itself.

CREATE STATISTICS approval_step_by_authority (dependencies) ON authority_id, area_id, purchase_request_id FROM approval_step;
CREATE STATISTICS assessment_by_authority (dependencies) ON authority_id, case_id, document_id, recorded_by_id FROM assessment;
CREATE STATISTICS attachment_by_authority (dependencies) ON authority_id, uploaded_by_id FROM attachment;
CREATE STATISTICS audit_event_by_authority (dependencies) ON authority_id, actor_id FROM audit_event;
CREATE STATISTICS budget_by_authority (dependencies) ON authority_id, area_id FROM budget;
CREATE STATISTICS case_child_by_authority (dependencies) ON authority_id, case_id, child_id FROM case_child;
CREATE STATISTICS case_record_by_authority (dependencies) ON authority_id, area_id, lead_professional_id FROM case_record;
CREATE STATISTICS child_by_authority (dependencies) ON authority_id, household_id FROM child;
CREATE STATISTICS decision_by_authority (dependencies) ON authority_id, decider_id, on_behalf_of_id, purchase_request_id, step_id FROM decision;
CREATE STATISTICS delegation_by_authority (dependencies) ON authority_id, delegate_id, delegator_id FROM delegation;
CREATE STATISTICS external_identity_by_authority (dependencies) ON authority_id, identity_provider_id, staff_user_id FROM external_identity;
CREATE STATISTICS idempotency_key_by_authority (dependencies) ON authority_id, staff_user_id FROM idempotency_key;
CREATE STATISTICS identity_provider_group_role_by_authority (dependencies) ON authority_id, area_id, identity_provider_id FROM identity_provider_group_role;
CREATE STATISTICS ledger_entry_by_authority (dependencies) ON authority_id, budget_id, created_by_id, purchase_request_id FROM ledger_entry;
CREATE STATISTICS notification_by_authority (dependencies) ON authority_id, recipient_id FROM notification;
CREATE STATISTICS purchase_item_by_authority (dependencies) ON authority_id, purchase_request_id, supplier_id FROM purchase_item;
CREATE STATISTICS purchase_request_by_authority (dependencies) ON authority_id, budget_id, case_id, requester_id FROM purchase_request;
CREATE STATISTICS purchase_status_change_by_authority (dependencies) ON authority_id, actor_id, purchase_request_id FROM purchase_status_change;
CREATE STATISTICS receipt_by_authority (dependencies) ON authority_id, attachment_id, purchase_request_id, recorded_by_id FROM receipt;
CREATE STATISTICS review_by_authority (dependencies) ON authority_id, purchase_request_id, recorded_by_id FROM review;
CREATE STATISTICS role_assignment_by_authority (dependencies) ON authority_id, area_id, staff_user_id FROM role_assignment;
CREATE STATISTICS scheme_settings_by_authority (dependencies) ON authority_id, created_by_id, scheme_id FROM scheme_settings;
CREATE STATISTICS session_by_authority (dependencies) ON authority_id, staff_user_id FROM session;
CREATE STATISTICS team_meeting_by_authority (dependencies) ON authority_id, case_id FROM team_meeting;
CREATE STATISTICS unmet_need_by_authority (dependencies) ON authority_id, case_id, recorded_by_id FROM unmet_need;

ANALYZE approval_step, assessment, attachment, audit_event, budget, case_child, case_record, child, decision, delegation, external_identity, idempotency_key, identity_provider_group_role, ledger_entry, notification, purchase_item, purchase_request, purchase_status_change, receipt, review, role_assignment, scheme_settings, session, team_meeting, unmet_need;
