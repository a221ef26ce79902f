// Test helpers: drive the real API as the demo authority's staff (and Kingsbridge's).
import { type createTestApi, demoStaffClient } from "@pathfinder/core/testing";

type Api = ReturnType<typeof createTestApi>;
export const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");

export const LP = "lp@configurable.example";
export const LP_THORNCOMBE = "lp2@configurable.example";
export const PANEL = "panel@configurable.example";
export const PANEL_THORNCOMBE = "panel-thorncombe@configurable.example";
export const HEAD = "head@configurable.example";
export const FINANCE = "finance@configurable.example";
export const ADMIN = "admin@configurable.example";

const RESULT = `__typename ... on Error { code message } ... on ValidationError { issues { path message } }`;
const REQUEST = `id status route rulesVersion reviewDueOn receiptsDueOn total { pence } currentStep { label }
  steps { label role status area { name } }
  decisions { outcome role note rulesVersion decider { name } }`;

export interface RequestSpec {
  caseId: string;
  budgetId: string;
  pence: number;
  route?: "CASH" | "SUPPLIER_ORDER";
  supplierId?: string;
  ecmOutcomes?: string[];
  matchedFunding?: number;
}

export function configurableApi(api: Api) {
  const { as, query } = demoStaffClient(api);
  /** A mutation's result union: its `data` on success, else the error. */
  const mutate = async (email: string, name: string, text: string, variables: Record<string, unknown>) => {
    const result = await query(email, text, variables);
    if (result.errors) throw new Error(`${name}: ${JSON.stringify(result.errors)}`);
    const payload = result.data?.[name];
    return payload.data ?? payload;
  };

  return {
    as,
    query,
    /** Creates a one-item request and submits it; returns the submission's result, with the id. */
    async request(email: string, spec: RequestSpec) {
      const route = spec.route ?? "SUPPLIER_ORDER";
      const created = await mutate(
        email,
        "createPurchaseRequest",
        `mutation ($input: CreatePurchaseRequestInput!) { createPurchaseRequest(input: $input) { ${RESULT} ... on MutationCreatePurchaseRequestSuccess { data { id } } } }`,
        {
          input: {
            caseId: globalId("Case", spec.caseId),
            budgetId: globalId("Budget", spec.budgetId),
            route,
            intendedOutcomes: "Arlo sleeps safely in a cot of his own.",
            ecmOutcomes: spec.ecmOutcomes ?? ["BE_HEALTHY", "STAY_SAFE"],
            otherFundingExplanation: "Section 17 does not cover it and no charity grant is open this month.",
            matchedFunding: spec.matchedFunding ?? 0,
            items: [
              {
                category: "DOMESTIC_EQUIPMENT",
                description: "Cot, mattress and bedding",
                unitCost: spec.pence,
                supplierId:
                  route === "SUPPLIER_ORDER" && spec.supplierId ? globalId("Supplier", spec.supplierId) : null,
              },
            ],
          },
        },
      );
      if (!created.id) throw new Error(`createPurchaseRequest: ${JSON.stringify(created)}`);
      return { id: created.id as string, ...(await this.submit(email, created.id)) };
    },
    submit: (email: string, id: string) =>
      mutate(
        email,
        "submitPurchaseRequest",
        `mutation ($id: ID!) { submitPurchaseRequest(id: $id) { ${RESULT} ... on RulesBrokenError { violations { code message field } } ... on MutationSubmitPurchaseRequestSuccess { data { ${REQUEST} } } } }`,
        { id },
      ),
    decide: (email: string, id: string, decision: "APPROVE" | "REJECT" | "RETURN" = "APPROVE") =>
      mutate(
        email,
        "decidePurchaseRequest",
        `mutation ($id: ID!, $decision: DecisionChoice!) { decidePurchaseRequest(id: $id, decision: $decision) { ${RESULT} ... on MutationDecidePurchaseRequestSuccess { data { ${REQUEST} } } } }`,
        { id, decision },
      ),
    withdraw: (email: string, id: string) =>
      mutate(
        email,
        "withdrawPurchaseRequest",
        `mutation ($id: ID!) { withdrawPurchaseRequest(id: $id, reason: "Test over") { ${RESULT} ... on MutationWithdrawPurchaseRequestSuccess { data { status } } } }`,
        { id },
      ),
    fulfilWithCash: (email: string, id: string, cashIssued: number) =>
      mutate(
        email,
        "recordFulfilment",
        `mutation ($id: ID!, $input: FulfilmentInput!) { recordFulfilment(id: $id, input: $input) { ${RESULT} ... on MutationRecordFulfilmentSuccess { data { ${REQUEST} } } } }`,
        { id, input: { cashIssued, cashSignedForBy: "Bethan Okorie" } },
      ),
    /** enablePlugin or configurePlugin for the configurable scheme, as `email`. */
    configure: (
      email: string,
      mutation: "enablePlugin" | "configurePlugin",
      settings: unknown,
      effectiveFrom?: string,
    ) =>
      mutate(
        email,
        mutation,
        `mutation ($settings: JSON, $from: Date) { ${mutation}(schemeId: "configurable", settings: $settings, effectiveFrom: $from) { ${RESULT} ... on Mutation${mutation[0]?.toUpperCase()}${mutation.slice(1)}Success { data { enabled settingsVersion settings } } } }`,
        { settings, from: effectiveFrom },
      ),
  };
}

export type ConfigurableApi = ReturnType<typeof configurableApi>;
