// Test helpers: drive the real API as Devon's demo staff.
import { type createTestApi, demoStaffClient } from "@pathfinder/core/testing";

type Api = ReturnType<typeof createTestApi>;
export const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");

const RESULT = `__typename ... on Error { code message } ... on ValidationError { issues { path message } }`;
const REQUEST = `id status rulesVersion total { pence } currentStep { label } decisions { outcome role rulesVersion decider { name } }`;

export function devonApi(api: Api) {
  const { as, call, query } = demoStaffClient(api);
  return {
    as,
    query,
    /** Creates and submits a one-item cash request; returns the submission's result. */
    async request(email: string, caseId: string, budgetId: string, pence: number) {
      const created = await call(
        email,
        `mutation ($input: CreatePurchaseRequestInput!) { createPurchaseRequest(input: $input) { ${RESULT} ... on MutationCreatePurchaseRequestSuccess { data { id } } } }`,
        {
          input: {
            caseId: globalId("Case", caseId),
            budgetId: globalId("Budget", budgetId),
            route: "CASH",
            intendedOutcomes: "Elowen joins the after-school club.",
            ecmOutcomes: ["ENJOY_AND_ACHIEVE"],
            otherFundingExplanation: "No other fund pays for club kit.",
            items: [{ category: "CLOTHING_AND_UNIFORM", description: "Club uniform and kit", unitCost: pence }],
          },
        },
      );
      const id = created.createPurchaseRequest.data.id as string;
      const submitted = await call(
        email,
        `mutation ($id: ID!) { submitPurchaseRequest(id: $id) { ${RESULT} ... on RulesBrokenError { violations { code message } } ... on MutationSubmitPurchaseRequestSuccess { data { ${REQUEST} } } } }`,
        { id },
      );
      return { id, ...(submitted.submitPurchaseRequest.data ?? submitted.submitPurchaseRequest) };
    },
    async decide(email: string, id: string) {
      const result = await call(
        email,
        `mutation ($id: ID!) { decidePurchaseRequest(id: $id, decision: APPROVE) { ${RESULT} ... on MutationDecidePurchaseRequestSuccess { data { ${REQUEST} } } } }`,
        { id },
      );
      return result.decidePurchaseRequest.data ?? result.decidePurchaseRequest;
    },
    async configure(
      email: string,
      mutation: "enablePlugin" | "configurePlugin",
      settings: unknown,
      effectiveFrom?: string,
    ) {
      const result = await call(
        email,
        `mutation ($settings: JSON, $from: Date) { ${mutation}(schemeId: "devon", settings: $settings, effectiveFrom: $from) { ${RESULT} ... on Mutation${mutation[0]?.toUpperCase()}${mutation.slice(1)}Success { data { enabled settingsVersion } } } }`,
        { settings, from: effectiveFrom },
      );
      return result[mutation].data ?? result[mutation];
    },
  };
}
