// The declared rules of the permission matrix: for every operation, who gets through against
// their own authority (`own`) and against another (`other`). Everyone not listed must be denied.
// These restate permissions/ability.ts and each resolver's checks in a form a reviewer can read.
import type { Role } from "../../../src/generated/prisma/enums.ts";
import type { createTestApi } from "../../support/api-client.ts";
import type { Fixtures } from "./matrix-fixtures.ts";

type Api = ReturnType<typeof createTestApi>;
export type Caller = "ANONYMOUS" | Role;
export type Outcome = "allowed" | "denied";

export const CALLERS: readonly Caller[] = [
  "ANONYMOUS",
  "LEAD_PROFESSIONAL",
  "APPROVER",
  "BUDGET_MANAGER",
  "FINANCE_OFFICER",
  "AUTHORITY_ADMIN",
  "OVERSEER",
  "PLATFORM_ADMIN",
];

export interface Rule {
  call(api: Api, target: Fixtures, token: string | undefined, caller: Caller): Promise<Record<string, any>>;
  own: readonly Caller[];
  other?: readonly Caller[];
  /** The operation names nothing of any authority's (it acts on the caller's own): tried once. */
  untargeted?: boolean;
  /** Sign in afresh for each call (the call ends the session). */
  freshSession?: boolean;
  /** For results without ids: did the caller get the thing? */
  seen?(value: any, target: Fixtures): boolean;
}

const RESULT = "__typename ... on Error { code message }";
const op =
  (query: string, variables: (f: Fixtures) => Record<string, unknown> = () => ({})) =>
  (api: Api, f: Fixtures, token: string | undefined) =>
    api.graphql(query, variables(f), token);
const mutation = (name: string, args: string, variables: (f: Fixtures) => Record<string, unknown>) => {
  const names = [...args.matchAll(/\$(\w+)/g)].map((m) => `${m[1]}: $${m[1]}`).join(", ");
  return op(`mutation (${args}) { ${name}(${names}) { ${RESULT} } }`, variables);
};
const nonEmpty = (value: any) => (Array.isArray(value) ? value.length > 0 : Object.keys(value ?? {}).length > 0);
const edgesOf = (field: string) => (value: any) => (value?.[field]?.edges?.length ?? 0) > 0;

const EVERYONE_SIGNED_IN: Caller[] = CALLERS.filter((c) => c !== "ANONYMOUS");
const PA = "PLATFORM_ADMIN" as const;
// Readers of purchase requests and budgets for the lead professional's Northgate case.
const MONEY_READERS: Caller[] = ["LEAD_PROFESSIONAL", "APPROVER", "BUDGET_MANAGER", "FINANCE_OFFICER", "OVERSEER", PA];
const CASE_READERS: Caller[] = ["LEAD_PROFESSIONAL", "APPROVER", "AUTHORITY_ADMIN", PA];
const CHILD_RECORD_READERS: Caller[] = ["LEAD_PROFESSIONAL", "APPROVER", PA];
const CASE_WORKERS: Caller[] = ["LEAD_PROFESSIONAL", PA];

/**
 * `other` is left out where nobody may reach the other authority's object: that is every
 * targeted operation, the platform administrator included (it sits inside the tenant fence).
 */
export const RULES: Record<string, Rule> = {
  // Queries ----------------------------------------------------------------------------------
  "Query.me": { call: op("{ me { id } }"), own: EVERYONE_SIGNED_IN, untargeted: true },
  "Query.schemePages": {
    call: op("{ schemePages { id title } }"),
    own: EVERYONE_SIGNED_IN,
    untargeted: true,
    seen: (value) => Array.isArray(value),
  },
  // Leeds' unmet needs page (Leeds is on in the matrix's authorities): the roles its plugin names.
  "Query.schemePage": {
    call: op(`{ schemePage(schemeId: "leeds", pageId: "unmet-needs") { title blocks { __typename } } }`),
    own: ["APPROVER", "BUDGET_MANAGER", "AUTHORITY_ADMIN", "OVERSEER"],
    untargeted: true,
    seen: (value) => value !== null,
  },
  "Query.myCover": {
    call: op("{ myCover { startsOn delegator { id } delegate { id } } }"),
    own: EVERYONE_SIGNED_IN,
    untargeted: true,
    seen: (value) => Array.isArray(value),
  },
  "Query.areas": {
    call: op("{ areas(first: 50) { edges { node { id } } } }"),
    own: EVERYONE_SIGNED_IN,
    untargeted: true,
  },
  "Query.staffUsers": {
    call: op("{ staffUsers(first: 50) { edges { node { id } } } }"),
    own: EVERYONE_SIGNED_IN,
    untargeted: true,
  },
  "Query.suppliers": {
    call: op("{ suppliers(first: 50) { edges { node { id } } } }"),
    own: EVERYONE_SIGNED_IN,
    untargeted: true,
  },
  "Query.schemes": {
    call: op("{ schemes { id enabled } }"),
    own: EVERYONE_SIGNED_IN,
    untargeted: true,
    seen: nonEmpty,
  },
  "Query.configurableGuidance": {
    call: op("{ configurableGuidance }"),
    own: EVERYONE_SIGNED_IN,
    untargeted: true,
    seen: nonEmpty,
  },
  "Query.configurableLabels": {
    call: op("{ configurableLabels }"),
    own: EVERYONE_SIGNED_IN,
    untargeted: true,
    seen: () => true,
  },
  "Query.devonGuidance": { call: op("{ devonGuidance }"), own: EVERYONE_SIGNED_IN, untargeted: true, seen: nonEmpty },
  "Query.leedsUnmetNeedsByWedge": {
    call: op("{ leedsUnmetNeedsByWedge { __typename } }"),
    own: ["APPROVER", "BUDGET_MANAGER", "AUTHORITY_ADMIN", "OVERSEER"], // Leeds: the IPCs and those who plan the fund
    untargeted: true,
    seen: () => true,
  },
  "Query.caseStudyForms": {
    // The forms of the schemes the caller's authority runs: names of forms, nothing of a child's.
    call: op("{ caseStudyForms { formRef } }"),
    own: EVERYONE_SIGNED_IN,
    untargeted: true,
    seen: (value) => Array.isArray(value) && value.length > 0,
  },
  "Query.caseStudy": {
    call: op('query ($id: ID!) { caseStudy(formRef: "leeds.case-study", subjectId: $id) { __typename } }', (f) => ({
      id: f.caseId,
    })),
    // A filled form tells the child's story: those who may read the child's record in the case's own
    // work (not administrators, who see no child's identity).
    own: ["LEAD_PROFESSIONAL", "APPROVER"],
    seen: (value) => value?.__typename === "CaseStudyDocument",
  },
  "Query.identityProvider": {
    // Single sign-on's set-up: the caller first tries to configure one, then reads it back.
    call: async (api, _f, token) => {
      await api.graphql(
        `mutation { configureIdentityProvider(input: { issuer: "https://login.example.test", clientId: "pathfinder", clientSecret: "s3cret-for-matrix", groupRoles: [] }) { __typename } }`,
        {},
        token,
      );
      return api.graphql("{ identityProvider { issuer } }", {}, token);
    },
    own: ["AUTHORITY_ADMIN"],
    untargeted: true,
    seen: (value) => value?.issuer === "https://login.example.test",
  },
  "Query.overdueReviews": {
    // Only the caller's own reviews to chase: any list (possibly empty) is an answer.
    call: op("{ overdueReviews { id } }"),
    own: EVERYONE_SIGNED_IN,
    untargeted: true,
    seen: (value) => Array.isArray(value),
  },
  "Query.reports": {
    // Every role reads figures over its own reach (reports/report-scope.ts); signed-out callers none.
    call: op("{ reports { __typename } }"),
    own: EVERYONE_SIGNED_IN,
    untargeted: true,
    seen: (value) => value.__typename === "Reports",
  },
  "Query.budgets": {
    call: op("query ($a: ID) { budgets(first: 50, areaId: $a) { edges { node { id } } } }", (f) => ({ a: f.areaId })),
    own: MONEY_READERS,
  },
  "Query.case": {
    call: op("query ($id: ID!) { case(id: $id) { id } }", (f) => ({ id: f.caseId })),
    own: CASE_READERS,
  },
  "Query.cases": {
    call: op("query ($a: ID) { cases(first: 50, areaId: $a) { edges { node { id } } } }", (f) => ({ a: f.areaId })),
    own: CASE_READERS,
  },
  "Query.child": {
    call: op("query ($id: ID!) { child(id: $id) { id } }", (f) => ({ id: f.childId })),
    own: CHILD_RECORD_READERS,
  },
  "Query.childAccessLog": {
    // Who looked at a child: the audit log's readers. Runs after Query.child, whose reads it lists.
    call: op("query ($id: ID!) { childAccessLog(childId: $id) { __typename } }", (f) => ({ id: f.childId })),
    own: ["AUTHORITY_ADMIN", PA],
    seen: (value) => Array.isArray(value) && value.length > 0,
  },
  "Query.evaluationExport": {
    // Withheld small-number rows for a national evaluation: administrators only.
    call: op("{ evaluationExport { __typename } }"),
    own: ["AUTHORITY_ADMIN", PA],
    untargeted: true,
    seen: (value) => Array.isArray(value),
  },
  "Query.node": {
    call: op("query ($id: ID!) { node(id: $id) { id } }", (f) => ({ id: f.awaiting })),
    own: MONEY_READERS,
  },
  "Query.nodes": {
    call: op("query ($ids: [ID!]!) { nodes(ids: $ids) { id } }", (f) => ({ ids: [f.budgetId] })),
    own: MONEY_READERS,
  },
  "Query.purchaseRequests": {
    call: op("query ($c: ID) { purchaseRequests(first: 50, caseId: $c) { edges { node { id } } } }", (f) => ({
      c: f.caseId,
    })),
    own: MONEY_READERS,
  },

  // Fields with arguments ----------------------------------------------------------------------
  "Budget.ledgerEntries": {
    call: op(
      "query ($id: ID!) { node(id: $id) { ... on Budget { ledgerEntries(first: 5) { edges { node { kind } } } } } }",
      (f) => ({
        id: f.budgetId,
      }),
    ),
    own: ["BUDGET_MANAGER", "FINANCE_OFFICER", PA],
    seen: edgesOf("ledgerEntries"),
  },
  "Case.assessments": {
    call: op(
      "query ($id: ID!) { node(id: $id) { ... on Case { assessments(first: 5) { edges { node { id } } } } } }",
      (f) => ({ id: f.caseId }),
    ),
    own: CHILD_RECORD_READERS,
    seen: edgesOf("assessments"),
  },
  "Case.meetings": {
    call: op(
      "query ($id: ID!) { node(id: $id) { ... on Case { meetings(first: 5) { edges { node { id } } } } } }",
      (f) => ({ id: f.caseId }),
    ),
    own: CHILD_RECORD_READERS,
    seen: edgesOf("meetings"),
  },
  "Case.unmetNeeds": {
    call: op(
      "query ($id: ID!) { node(id: $id) { ... on Case { unmetNeeds(first: 5) { edges { node { id } } } } } }",
      (f) => ({ id: f.caseId }),
    ),
    own: CHILD_RECORD_READERS,
    seen: edgesOf("unmetNeeds"),
  },
  "Case.timeline": {
    call: op(
      "query ($id: ID!) { node(id: $id) { ... on Case { timeline(first: 5) { edges { node { __typename } } } } } }",
      (f) => ({ id: f.caseId }),
    ),
    own: CASE_READERS,
    seen: edgesOf("timeline"),
  },

  // Mutations --------------------------------------------------------------------------------
  "Mutation.signIn": {
    // Public by design: anyone may try; a wrong password is a business refusal, not a denial.
    call: mutation("signIn", "$email: String!, $password: String!", () => ({
      email: "nobody@nowhere.example",
      password: "wrong",
    })),
    own: CALLERS,
    untargeted: true,
  },
  "Mutation.updatePurchaseRequest": {
    call: mutation("updatePurchaseRequest", "$id: ID!, $input: UpdatePurchaseRequestInput!", (f) => ({
      id: f.draft,
      input: { intendedOutcomes: "Swimming lessons, changed." },
    })),
    own: ["LEAD_PROFESSIONAL"], // only whoever raised it: NOT_REQUESTER for anyone else
  },
  "Mutation.createPurchaseRequest": {
    call: mutation("createPurchaseRequest", "$input: CreatePurchaseRequestInput!", (f) => ({ input: f.draftInput })),
    own: ["LEAD_PROFESSIONAL"],
  },
  "Mutation.submitPurchaseRequest": {
    call: mutation("submitPurchaseRequest", "$id: ID!", (f) => ({ id: f.toSubmit })),
    own: ["LEAD_PROFESSIONAL", PA],
  },
  "Mutation.decidePurchaseRequest": {
    call: mutation("decidePurchaseRequest", "$id: ID!, $decision: DecisionChoice!", (f) => ({
      id: f.awaiting,
      decision: "APPROVE",
    })),
    own: ["APPROVER"], // the step needs the approver for Northgate; nobody else decides it
  },
  "Mutation.withdrawPurchaseRequest": {
    call: mutation("withdrawPurchaseRequest", "$id: ID!, $reason: String!", (f) => ({
      id: f.withdrawable,
      reason: "No longer needed",
    })),
    own: ["LEAD_PROFESSIONAL", PA],
  },
  "Mutation.recordFulfilment": {
    call: mutation("recordFulfilment", "$id: ID!, $input: FulfilmentInput!", (f) => ({
      id: f.approved,
      input: { cashIssued: 2_000, cashSignedForBy: "A parent" },
    })),
    own: ["FINANCE_OFFICER", PA],
  },
  "Mutation.recordReceipt": {
    call: mutation("recordReceipt", "$id: ID!, $input: ReceiptInput!", (f) => ({
      id: f.fulfilled,
      input: { amount: 100 },
    })),
    own: ["LEAD_PROFESSIONAL", "FINANCE_OFFICER", PA],
  },
  "Mutation.returnUnspent": {
    call: mutation("returnUnspent", "$id: ID!, $amount: Pence!", (f) => ({ id: f.fulfilled, amount: 100 })),
    own: ["FINANCE_OFFICER", PA],
  },
  "Mutation.reconcilePurchaseRequest": {
    call: mutation("reconcilePurchaseRequest", "$id: ID!", (f) => ({ id: f.fulfilled })),
    own: ["FINANCE_OFFICER", PA],
  },
  "Mutation.recordReview": {
    call: mutation("recordReview", "$id: ID!, $input: ReviewInput!", (f) => ({
      id: f.fulfilled,
      input: { outcomeAchieved: "She swims." },
    })),
    own: ["LEAD_PROFESSIONAL", PA],
  },
  "Mutation.allocateToBudget": {
    call: mutation("allocateToBudget", "$budgetId: ID!, $amount: Pence!", (f) => ({
      budgetId: f.budgetId,
      amount: 100,
    })),
    own: ["BUDGET_MANAGER", PA],
  },
  "Mutation.createBudget": {
    call: mutation("createBudget", "$input: CreateBudgetInput!", (f) => ({
      input: { name: "Matrix fund", areaId: f.areaId, periodStart: "2026-04-01", periodEnd: "2027-03-31" },
    })),
    own: ["BUDGET_MANAGER", PA],
  },
  "Mutation.closeBudgetPeriod": {
    call: mutation("closeBudgetPeriod", "$budgetId: ID!", (f) => ({ budgetId: f.closingBudgetId })),
    own: ["BUDGET_MANAGER", PA],
  },
  "Mutation.openCase": {
    call: mutation("openCase", "$input: OpenCaseInput!", (f) => ({
      input: { areaId: f.areaId, children: [{ givenName: "Matrix", familyName: "Child", dateOfBirth: "2018-01-01" }] },
    })),
    own: ["LEAD_PROFESSIONAL", PA],
  },
  "Mutation.recordAssessment": {
    call: mutation("recordAssessment", "$input: RecordAssessmentInput!", (f) => ({
      input: { caseId: f.caseId, kind: "CAF", completedOn: "2026-05-01", priorityNeeds: ["Sleep"] },
    })),
    own: CASE_WORKERS,
  },
  "Mutation.recordTeamMeeting": {
    call: mutation("recordTeamMeeting", "$input: RecordTeamMeetingInput!", (f) => ({
      input: { caseId: f.caseId, heldOn: "2026-05-02", attendees: ["Parent"] },
    })),
    own: CASE_WORKERS,
  },
  "Mutation.recordUnmetNeed": {
    call: mutation("recordUnmetNeed", "$input: RecordUnmetNeedInput!", (f) => ({
      input: { caseId: f.caseId, category: "OTHER", description: "Nothing local" },
    })),
    own: CASE_WORKERS,
  },
  "Mutation.updateCasePlan": {
    call: mutation("updateCasePlan", "$caseId: ID!, $plan: String!", (f) => ({
      caseId: f.caseId,
      plan: "Keep going.",
    })),
    own: CASE_WORKERS,
  },
  "Mutation.handOverCase": {
    call: mutation("handOverCase", "$caseId: ID!, $toStaffUserId: ID!", (f) => ({
      caseId: f.caseId,
      toStaffUserId: f.lpId,
    })),
    own: ["LEAD_PROFESSIONAL", "APPROVER", "AUTHORITY_ADMIN", PA],
  },
  "Mutation.closeCase": {
    call: mutation("closeCase", "$caseId: ID!, $reason: String!", (f) => ({
      caseId: f.closingCaseId,
      reason: "Outcomes met",
    })),
    own: ["LEAD_PROFESSIONAL", "AUTHORITY_ADMIN", PA],
  },
  "Mutation.leedsRecordCaseStudy": {
    call: mutation("leedsRecordCaseStudy", "$caseId: ID!, $input: LeedsCaseStudyInput!", (f) => ({
      caseId: f.caseId,
      input: { situationBefore: "Before" },
    })),
    own: ["LEAD_PROFESSIONAL"], // only the case's lead professional writes its case study
  },
  "Mutation.dorsetRecordAgreement": {
    call: mutation("dorsetRecordAgreement", "$requestId: ID!, $input: DorsetAgreementInput!", (f) => ({
      requestId: f.onDorset,
      input: { serviceAgreed: "Lessons", serviceAgreedOn: "2026-05-01", reviewProcess: "A call" },
    })),
    own: ["APPROVER"], // the co-ordinator who decides the request, nobody else
  },
  "Mutation.arrangeCover": {
    call: mutation("arrangeCover", "$input: CoverInput!", (f) => ({
      input: { delegateId: f.otherApproverId, startsOn: "2026-06-01", endsOn: "2026-06-14", reason: "Leave" },
    })),
    own: ["APPROVER", PA],
  },
  "Mutation.createSupplier": {
    call: (api, _f, token, caller) =>
      api.graphql(
        `mutation ($input: CreateSupplierInput!) { createSupplier(input: $input) { ${RESULT} } }`,
        { input: { name: `Matrix supplier for ${caller}` } },
        token,
      ),
    own: ["FINANCE_OFFICER", "AUTHORITY_ADMIN", PA],
    untargeted: true,
  },
  "Mutation.addStaffMember": {
    call: (api, f, token, caller) =>
      api.graphql(
        `mutation ($input: AddStaffMemberInput!) { addStaffMember(input: $input) { ${RESULT} } }`,
        {
          input: {
            name: `Matrix newcomer by ${caller}`,
            email: `matrix-newcomer-${caller.toLowerCase()}@${f.authorityId}.example`,
            roles: [{ role: "OVERSEER" }],
          },
        },
        token,
      ),
    own: ["AUTHORITY_ADMIN", PA],
    untargeted: true,
  },
  "Mutation.grantRole": {
    call: (api, f, token, caller) =>
      api.graphql(
        `mutation ($input: GrantRoleInput!) { grantRole(input: $input) { ${RESULT} } }`,
        { input: { staffUserId: f.spareStaff[caller].userId, role: "APPROVER", areaId: f.areaId } },
        token,
      ),
    own: ["AUTHORITY_ADMIN", PA],
  },
  "Mutation.revokeRole": {
    call: (api, f, token, caller) =>
      api.graphql(
        `mutation ($id: ID!) { revokeRole(roleAssignmentId: $id) { ${RESULT} } }`,
        { id: f.spareStaff[caller].roleAssignmentId },
        token,
      ),
    own: ["AUTHORITY_ADMIN", PA],
  },
  "Mutation.deactivateStaffMember": {
    call: (api, f, token, caller) =>
      api.graphql(
        `mutation ($id: ID!) { deactivateStaffMember(staffUserId: $id) { ${RESULT} } }`,
        { id: f.spareStaff[caller].userId },
        token,
      ),
    own: ["AUTHORITY_ADMIN", PA],
  },
  "Mutation.reactivateStaffMember": {
    call: (api, f, token, caller) =>
      api.graphql(
        `mutation ($id: ID!) { reactivateStaffMember(staffUserId: $id) { ${RESULT} } }`,
        { id: f.spareStaff[caller].userId },
        token,
      ),
    own: ["AUTHORITY_ADMIN", PA],
  },
  "Mutation.updateSupplier": {
    call: mutation("updateSupplier", "$id: ID!, $input: UpdateSupplierInput!", (f) => ({
      id: f.supplierId,
      input: { preferred: true },
    })),
    own: ["FINANCE_OFFICER", "AUTHORITY_ADMIN", PA],
  },
  "Mutation.uploadAttachment": {
    call: async (api, _f, token) => {
      const form = new FormData();
      const query = `mutation ($file: File!) { uploadAttachment(file: $file, kind: OTHER) { ${RESULT} } }`;
      form.append("operations", JSON.stringify({ query, variables: { file: null } }));
      form.append("map", JSON.stringify({ 0: ["variables.file"] }));
      form.append(
        "0",
        new File([new TextEncoder().encode("%PDF-1.4\n%matrix\n")], "note.pdf", { type: "application/pdf" }),
      );
      const response = await api.request("/graphql", {
        method: "POST",
        // The header the portal sends: without it a form post is refused as cross-site before anything else.
        headers: token ? { authorization: `Bearer ${token}`, "x-pathfinder-csrf": "1" } : { "x-pathfinder-csrf": "1" },
        body: form,
      });
      return (await response.json()) as Record<string, any>;
    },
    own: ["LEAD_PROFESSIONAL", PA],
    untargeted: true,
  },
  "Mutation.configurePlugin": {
    call: mutation("configurePlugin", "$schemeId: String!", () => ({ schemeId: "devon" })),
    own: ["AUTHORITY_ADMIN"], // an authority's own administrator alone
    untargeted: true,
  },
  "Mutation.configureIdentityProvider": {
    call: mutation("configureIdentityProvider", "$input: ConfigureIdentityProviderInput!", () => ({
      input: { issuer: "https://login.example.test", clientId: "pathfinder", clientSecret: "s3cret", groupRoles: [] },
    })),
    own: ["AUTHORITY_ADMIN"], // an authority's own administrator alone
    untargeted: true,
  },
  "Mutation.saveCaseStudyAnswers": {
    // The professional's answers about their own case.
    call: mutation(
      "saveCaseStudyAnswers",
      "$subjectId: ID!, $formRef: String!, $answers: [CaseStudyAnswerInput!]!",
      (f) => ({ subjectId: f.caseId, formRef: "leeds.case-study", answers: [] }),
    ),
    own: ["LEAD_PROFESSIONAL"], // the case's lead professional writes its case study
  },
  "Mutation.setNotificationDelivery": {
    // Each person's own choice of e-mails.
    call: mutation("setNotificationDelivery", "$delivery: NotificationDelivery!", () => ({ delivery: "DAILY_DIGEST" })),
    own: EVERYONE_SIGNED_IN,
    untargeted: true,
  },
  "Mutation.changePassword": {
    // Anyone signed in may change their own password; a wrong current password is refused on its merits.
    call: mutation("changePassword", "$currentPassword: String!, $newPassword: String!", () => ({
      currentPassword: "not-the-password",
      newPassword: "a-long-new-passphrase-2026",
    })),
    own: EVERYONE_SIGNED_IN,
    untargeted: true,
  },
  "Mutation.enablePlugin": {
    call: mutation("enablePlugin", "$schemeId: String!", () => ({ schemeId: "derbyshire" })),
    own: ["AUTHORITY_ADMIN"], // an authority's own administrator alone
    untargeted: true,
  },
  "Mutation.disablePlugin": {
    call: mutation("disablePlugin", "$schemeId: String!", () => ({ schemeId: "derbyshire" })),
    own: ["AUTHORITY_ADMIN"], // an authority's own administrator alone
    untargeted: true,
  },
  "Mutation.signOut": {
    call: op("mutation { signOut }"),
    own: CALLERS, // ending a session you do not have is harmless: true for everyone
    untargeted: true,
    freshSession: true,
    seen: (value) => value === true,
  },
};
