// Test helpers: drive the real API as Dorset's demo staff.
import { type createTestApi, demoStaffClient } from "@pathfinder/core/testing";
import { FORM_FIELD } from "../src/graphql.ts";

type Api = ReturnType<typeof createTestApi>;
export const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");

const RESULT = `__typename ... on Error { code message } ... on DomainError { field }
  ... on ValidationError { issues { path message } }`;
const DORSET_RESULT = "__typename ... on Error { code message } ... on DorsetError { field }";
export const REQUEST = `id status rulesVersion reviewDueOn decidedAt total { pence } currentStep { label area { name } }
  steps { label status area { name } } decisions { outcome role rulesVersion decider { name } }`;
const FORM = `form: ${FORM_FIELD} { exceptional exceptionalReason partThreeDueOn
  partTwo { serviceAgreed serviceAgreedOn reviewProcess reviewDueOn notes recordedBy }
  partThree { outcomeAchieved familyComments otherNotes signedBy } }`;

export interface RequestSpec {
  caseId: string;
  budgetId: string;
  pence: number;
  ecmOutcomes?: string[];
  extensions?: Record<string, unknown>;
}

export function dorsetApi(api: Api) {
  const { as, call, query, payload } = demoStaffClient(api);

  return {
    as,
    query,
    async create(email: string, spec: RequestSpec) {
      const created = await call(
        email,
        `mutation ($input: CreatePurchaseRequestInput!) { createPurchaseRequest(input: $input) { ${RESULT} ... on MutationCreatePurchaseRequestSuccess { data { id } } } }`,
        {
          input: {
            caseId: globalId("Case", spec.caseId),
            budgetId: globalId("Budget", spec.budgetId),
            route: "CASH",
            intendedOutcomes: "Kezia swims with her class and makes friends in her new school.",
            ecmOutcomes: spec.ecmOutcomes ?? ["ENJOY_AND_ACHIEVE"],
            otherFundingExplanation: "Not a section 17 need; no charity funds lessons here.",
            items: [{ category: "LEISURE_OR_CULTURAL", description: "Swimming lessons", unitCost: spec.pence }],
            ...(spec.extensions ? { extensions: spec.extensions } : {}),
          },
        },
      );
      return payload(created, "createPurchaseRequest");
    },
    async submit(email: string, id: string) {
      const submitted = await call(
        email,
        `mutation ($id: ID!) { submitPurchaseRequest(id: $id) { ${RESULT} ... on RulesBrokenError { violations { code message field } } ... on MutationSubmitPurchaseRequestSuccess { data { ${REQUEST} } } } }`,
        { id },
      );
      return { id, ...payload(submitted, "submitPurchaseRequest") };
    },
    /** Creates and submits a one-item cash request; returns the submission's result. */
    async request(email: string, spec: RequestSpec) {
      const draft = await this.create(email, spec);
      if (!draft.id) throw new Error(`Draft refused: ${JSON.stringify(draft)}`);
      return this.submit(email, draft.id);
    },
    async decide(email: string, id: string, decision = "APPROVE", note?: string) {
      const result = await call(
        email,
        `mutation ($id: ID!, $decision: DecisionChoice!, $note: String) { decidePurchaseRequest(id: $id, decision: $decision, note: $note) { ${RESULT} ... on MutationDecidePurchaseRequestSuccess { data { ${REQUEST} } } } }`,
        { id, decision, note },
      );
      return payload(result, "decidePurchaseRequest");
    },
    async recordAgreement(email: string, requestId: string, input: Record<string, unknown>) {
      const result = await api.graphql(
        `mutation ($requestId: ID!, $input: DorsetAgreementInput!) { dorsetRecordAgreement(requestId: $requestId, input: $input) { ${DORSET_RESULT} ... on MutationDorsetRecordAgreementSuccess { data { id reviewDueOn ${FORM} } } } }`,
        { requestId, input },
        await as(email),
      );
      if (result.errors) return { errors: result.errors };
      return payload(result.data as Record<string, any>, "dorsetRecordAgreement");
    },
    /** The request's Dorset form, or the GraphQL errors when it is refused. */
    async form(email: string, id: string) {
      const result = await api.graphql(
        `query ($id: ID!) { node(id: $id) { ... on PurchaseRequest { ${FORM} } } }`,
        { id },
        await as(email),
      );
      return result.errors ? { errors: result.errors } : result.data?.node?.form;
    },
    async configure(email: string, settings: unknown, effectiveFrom?: string) {
      const result = await call(
        email,
        `mutation ($settings: JSON, $from: Date) { configurePlugin(schemeId: "dorset", settings: $settings, effectiveFrom: $from) { ${RESULT} ... on MutationConfigurePluginSuccess { data { enabled settingsVersion } } } }`,
        { settings, from: effectiveFrom },
      );
      return payload(result, "configurePlugin");
    },
    /**
     * Takes an approved cash request through the rest of its life: finance issues the cash, the
     * lead professional hands in a receipt for all of it, finance reconciles, and the lead
     * professional records the review.
     */
    async spendAndReview(
      people: { lead: string; finance: string },
      id: string,
      pence: number,
      review: Record<string, unknown>,
    ) {
      const steps: [string, string, string, Record<string, unknown>][] = [
        [
          people.finance,
          "recordFulfilment",
          "FulfilmentInput",
          { cashIssued: pence, cashSignedForBy: "Harriet Colebrook" },
        ],
        [people.lead, "recordReceipt", "ReceiptInput", { amount: pence, description: "Swimming lessons" }],
        [people.finance, "reconcilePurchaseRequest", "", {}],
        [people.lead, "recordReview", "ReviewInput", review],
      ];
      for (const [email, name, inputType, input] of steps) {
        const args = inputType ? `$id: ID!, $input: ${inputType}!` : "$id: ID!";
        const pass = inputType ? "id: $id, input: $input" : "id: $id";
        const result = await query(
          email,
          `mutation (${args}) { ${name}(${pass}) { __typename ... on Error { code message } } }`,
          inputType ? { id, input } : { id },
        );
        if (!/Success$/.test(result.data?.[name]?.__typename ?? ""))
          throw new Error(`${name} failed: ${JSON.stringify(result)}`);
      }
    },
  };
}
