// Test helpers: drive the real API (GraphQL over fetch) as demo staff.
import {
  createTestApi,
  createTestDatabase,
  demoStaffClient,
  seedDemoData,
  type TestDatabase,
} from "@pathfinder/core/testing";
import { afterAll, beforeAll } from "vitest";
import childrenInCare from "../src/index.ts";

type Api = ReturnType<typeof createTestApi>;
export const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");

const RESULT = `__typename ... on Error { code message } ... on ValidationError { issues { path message } }`;
const REQUEST = `id status rulesVersion reviewDueOn receiptsDueOn total { pence } currentStep { label area { name } }
  decisions { outcome role rulesVersion decider { name } }`;

/** A calendar day `days` from today, as the API's Date scalar writes it. */
export const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export function cicApi(api: Api) {
  const { call, payload } = demoStaffClient(api);
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

/**
 * The demo county with only this scheme installed, in a database of the calling test file's own:
 * registers the file's set-up and tear-down, and is filled in before its first test runs.
 */
export function demoCounty() {
  const county = {
    database: undefined as unknown as TestDatabase,
    api: undefined as unknown as ReturnType<typeof cicApi>,
    budgetId: "",
    caseIds: new Map<string, string>(),
    /** Kai's case, the county's first. */
    kai: () => county.caseIds.get("CIC-0001") as string,
  };
  beforeAll(async () => {
    county.database = await createTestDatabase();
    await seedDemoData(county.database.db, [childrenInCare]);
    county.api = cicApi(createTestApi(county.database.db, { plugins: [childrenInCare] }));
    const budget = await county.database.db.budget.findFirstOrThrow({ where: { scheme: "children-in-care" } });
    county.budgetId = budget.id;
    for (const row of await county.database.db.case.findMany({ where: { reference: { startsWith: "CIC-" } } }))
      county.caseIds.set(row.reference, row.id);
  });
  afterAll(() => county.database.drop());
  return county;
}
