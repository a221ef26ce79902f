// Test helpers: drive the real API (GraphQL over fetch) as demo staff.
import { type createTestApi, demoStaffClient } from "@pathfinder/core/testing";

type Api = ReturnType<typeof createTestApi>;
export const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");

const RESULT = `__typename ... on Error { code message } ... on ValidationError { issues { path message } }`;
const REQUEST = `id status rulesVersion reviewDueOn receiptsDueOn total { pence } currentStep { label area { name } }
  decisions { outcome role rulesVersion decider { name } }`;

/** A calendar day `days` from today, as the API's Date scalar writes it. */
export const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export function cicApi(api: Api) {
  const { as, call, payload } = demoStaffClient(api);
  return {
    call,
    /** Creates and submits a one-item request; returns the submission's result (the request or the errors). */
    async request(email: string, caseId: string, budgetId: string, pence: number, route = "CASH") {
      const created = await call(
        email,
        `mutation ($input: CreatePurchaseRequestInput!) { createPurchaseRequest(input: $input) { ${RESULT} ... on MutationCreatePurchaseRequestSuccess { data { id } } } }`,
        {
          input: {
            caseId: globalId("Case", caseId),
            budgetId: globalId("Budget", budgetId),
            route,
            intendedOutcomes: "Feels settled in the new placement.",
            ecmOutcomes: ["BE_HEALTHY"],
            otherFundingExplanation: "Not part of the placement's allowance; no charity grant in time.",
            items: [
              { category: "COUNSELLING_OR_TRADED_SERVICE", description: "Play therapy sessions", unitCost: pence },
            ],
          },
        },
      );
      const id = payload(created, "createPurchaseRequest").id as string;
      const submitted = await call(
        email,
        `mutation ($id: ID!) { submitPurchaseRequest(id: $id) { ${RESULT} ... on RulesBrokenError { violations { code message field } } ... on MutationSubmitPurchaseRequestSuccess { data { ${REQUEST} } } } }`,
        { id },
      );
      return { id, ...payload(submitted, "submitPurchaseRequest") };
    },
    async decide(email: string, id: string) {
      const result = await call(
        email,
        `mutation ($id: ID!) { decidePurchaseRequest(id: $id, decision: APPROVE) { ${RESULT} ... on MutationDecidePurchaseRequestSuccess { data { ${REQUEST} } } } }`,
        { id },
      );
      return payload(result, "decidePurchaseRequest");
    },
    async issueCash(email: string, id: string, pence: number, signedBy: string) {
      const result = await call(
        email,
        `mutation ($id: ID!, $input: FulfilmentInput!) { recordFulfilment(id: $id, input: $input) { ${RESULT} ... on MutationRecordFulfilmentSuccess { data { ${REQUEST} } } } }`,
        { id, input: { cashIssued: pence, cashSignedForBy: signedBy } },
      );
      return payload(result, "recordFulfilment");
    },
    async scheme(
      email: string,
      mutation: "enablePlugin" | "configurePlugin",
      settings: unknown,
      effectiveFrom?: string,
    ) {
      const name = `Mutation${mutation[0]?.toUpperCase()}${mutation.slice(1)}Success`;
      const result = await call(
        email,
        `mutation ($settings: JSON, $from: Date) { ${mutation}(schemeId: "children-in-care", settings: $settings, effectiveFrom: $from) { ${RESULT} ... on ${name} { data { enabled settingsVersion settings } } } }`,
        { settings, from: effectiveFrom },
      );
      return payload(result, mutation);
    },
  };
}
