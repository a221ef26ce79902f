// Test helpers: drive the real API as Devon's demo staff.
import { type createTestApi, DEMO_PASSWORD } from "@pathfinder/core/testing";

type Api = ReturnType<typeof createTestApi>;
export const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");

const RESULT = `__typename ... on Error { code message } ... on ValidationError { issues { path message } }`;
const REQUEST = `id status rulesVersion total { pence } currentStep { label } decisions { outcome role rulesVersion decider { name } }`;

export function devonApi(api: Api) {
  const tokens = new Map<string, string>();
  const as = async (email: string) => {
    if (!tokens.has(email)) tokens.set(email, await api.signIn(email, DEMO_PASSWORD));
    return tokens.get(email) as string;
  };
  const call = async (email: string, query: string, variables: Record<string, unknown>) => {
    const result = await api.graphql(query, variables, await as(email));
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data as Record<string, any>;
  };
  return {
    as,
    query: async (email: string, query: string, variables: Record<string, unknown> = {}) =>
      api.graphql(query, variables, await as(email)),
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
