import type { createTestApi } from "../../support/api-client.ts";
import { globalId, type PurchaseWorld } from "./purchase-world.ts";

type Api = ReturnType<typeof createTestApi>;

export const REQUEST_FIELDS = `
  id reference status route rulesVersion
  total { pence formatted }
  cashIssued { pence }
  items { category description quantity unitCost { pence } lineTotal { pence } }
  steps { round position role label status area { name } }
  currentStep { label }
  decisions { outcome note role decider { name } onBehalfOf { name } rulesVersion }
  history { from to note }
  receipts { amount { pence } }
  review { outcomeAchieved ecmAchieved }
  receiptsDueOn reviewDueOn submittedAt decidedAt fulfilledAt reconciledAt closedAt`;

const RESULT = `__typename
  ... on Error { code message }
  ... on DomainError { field }
  ... on ValidationError { issues { path message } }`;
const RULES_BROKEN = "... on RulesBrokenError { violations { code message field } }";

/** Calls a mutation that returns a PurchaseRequest (or typed errors) and returns the union member. */
export async function mutate(api: Api, token: string, name: string, args: string, variables: Record<string, unknown>) {
  const result = await api.graphql(
    `mutation M(${args}) { ${name}(${argNames(args)}) { ${RESULT} ${name === "submitPurchaseRequest" ? RULES_BROKEN : ""} ... on Mutation${capitalise(name)}Success { data { ${REQUEST_FIELDS} } } } }`,
    variables,
    token,
  );
  if (result.errors) throw new Error(`${name} failed: ${JSON.stringify(result.errors)}`);
  const payload = result.data?.[name];
  return payload.data ?? payload;
}

const capitalise = (text: string) => text[0]?.toUpperCase() + text.slice(1);
const argNames = (args: string) =>
  args
    .split(",")
    .map((arg) => arg.trim().split(":")[0]?.slice(1))
    .map((name) => `${name}: $${name}`)
    .join(", ");

export interface ItemSpec {
  category?: string;
  description?: string;
  unitCost: number;
  quantity?: number;
  supplierId?: string;
}

export function draftInput(world: PurchaseWorld, items: ItemSpec[], extra: Record<string, unknown> = {}) {
  return {
    caseId: globalId("Case", world.caseId),
    budgetId: globalId("Budget", world.budgetId),
    route: "CASH",
    intendedOutcomes: "Mia sleeps safely in her own cot.",
    ecmOutcomes: ["BE_HEALTHY", "STAY_SAFE"],
    otherFundingExplanation: "Not covered by section 17; no charity grant available within the month.",
    items: items.map((item) => ({
      category: "DOMESTIC_EQUIPMENT",
      description: "Cot and mattress",
      quantity: 1,
      ...item,
    })),
    ...extra,
  };
}

export const purchaseApi = (api: Api) => ({
  create: (token: string, input: Record<string, unknown>) =>
    mutate(api, token, "createPurchaseRequest", "$input: CreatePurchaseRequestInput!", { input }),
  update: (token: string, id: string, input: Record<string, unknown>) =>
    mutate(api, token, "updatePurchaseRequest", "$id: ID!, $input: UpdatePurchaseRequestInput!", { id, input }),
  submit: (token: string, id: string) => mutate(api, token, "submitPurchaseRequest", "$id: ID!", { id }),
  decide: (token: string, id: string, decision: string, note?: string) =>
    mutate(api, token, "decidePurchaseRequest", "$id: ID!, $decision: DecisionChoice!, $note: String", {
      id,
      decision,
      note,
    }),
  withdraw: (token: string, id: string, reason: string) =>
    mutate(api, token, "withdrawPurchaseRequest", "$id: ID!, $reason: String!", { id, reason }),
  fulfil: (token: string, id: string, input: Record<string, unknown>) =>
    mutate(api, token, "recordFulfilment", "$id: ID!, $input: FulfilmentInput!", { id, input }),
  receipt: (token: string, id: string, input: Record<string, unknown>) =>
    mutate(api, token, "recordReceipt", "$id: ID!, $input: ReceiptInput!", { id, input }),
  returnUnspent: (token: string, id: string, amount: number) =>
    mutate(api, token, "returnUnspent", "$id: ID!, $amount: Pence!", { id, amount }),
  reconcile: (token: string, id: string) => mutate(api, token, "reconcilePurchaseRequest", "$id: ID!", { id }),
  review: (token: string, id: string, input: Record<string, unknown>) =>
    mutate(api, token, "recordReview", "$id: ID!, $input: ReviewInput!", { id, input }),
});

/** The budget's balances as the API reports them, in pence. */
export async function balances(api: Api, token: string, budgetId: string) {
  const result = await api.graphql(
    `query ($id: ID!) { node(id: $id) { ... on Budget {
      allocated { pence } committed { pence } spent { pence } lapsed { pence } available { pence } } } }`,
    { id: globalId("Budget", budgetId) },
    token,
  );
  const budget = result.data?.node;
  if (!budget) throw new Error(`Budget not visible: ${JSON.stringify(result)}`);
  return {
    allocated: budget.allocated.pence,
    committed: budget.committed.pence,
    spent: budget.spent.pence,
    lapsed: budget.lapsed.pence,
    available: budget.available.pence,
  };
}
