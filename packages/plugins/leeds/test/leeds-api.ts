// Test helpers: drive the real API (GraphQL over fetch) as Leeds' demo staff.
import type { Database } from "@pathfinder/core";
import { type createTestApi, demoStaffClient } from "@pathfinder/core/testing";

type Api = ReturnType<typeof createTestApi>;
export const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
/** A calendar day `days` from today, as the API's Date scalar writes it. */
export const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export const RESULT = `__typename ... on Error { code message } ... on DomainError { field }
  ... on ValidationError { issues { path message } }`;
const REQUEST = `id status rulesVersion reviewDueOn receiptsDueOn total { pence } currentStep { label area { name } }
  decisions { outcome role rulesVersion decider { name } onBehalfOf { name } }
  leedsDetails { routeLabel cashReason usesPreferredProviders preferredProviderItems itemCount }`;

export interface Item {
  unitCost: number;
  supplierId?: string;
  category?: string;
  description?: string;
}

export function leedsApi(api: Api, db: Database) {
  const { as, query, call, payload } = demoStaffClient(api);
  const mutate = async (
    email: string,
    name: string,
    args: string,
    fields: string,
    variables: Record<string, unknown>,
  ) => {
    const names = args
      .split(",")
      .map((arg) => arg.trim().split(":")[0]?.slice(1))
      .map((n) => `${n}: $${n}`)
      .join(", ");
    const success = `Mutation${name[0]?.toUpperCase()}${name.slice(1)}Success`;
    const extra =
      name === "submitPurchaseRequest" ? "... on RulesBrokenError { violations { code message field } }" : "";
    return payload(
      await call(
        email,
        `mutation (${args}) { ${name}(${names}) { ${RESULT} ${extra} ... on ${success} { data { ${fields} } } } }`,
        variables,
      ),
      name,
    );
  };
  const staffId = async (email: string) => (await db.staffUser.findUniqueOrThrow({ where: { email } })).id;

  return {
    as,
    query,
    call,
    mutate,
    staffId,
    /** Creates a request and submits it; returns the submission's result (the request, or why not). */
    async request(
      email: string,
      caseId: string,
      budgetId: string,
      items: Item[],
      options: { route?: string; extensions?: unknown } = {},
    ) {
      const route = options.route ?? "CASH";
      const extensions =
        options.extensions ??
        (route === "CASH" ? { leeds: { cashReason: "A reputable local shop has it today." } } : undefined);
      const created = await mutate(email, "createPurchaseRequest", "$input: CreatePurchaseRequestInput!", "id", {
        input: {
          caseId: globalId("Case", caseId),
          budgetId: globalId("Budget", budgetId),
          route,
          extensions,
          intendedOutcomes: "The family can get to the services in the plan.",
          ecmOutcomes: ["STAY_SAFE"],
          otherFundingExplanation: "No statutory duty or benefit covers this.",
          items: items.map((item) => ({
            category: item.category ?? "TRANSPORT",
            description: item.description ?? "Bus passes",
            unitCost: item.unitCost,
            supplierId: item.supplierId ? globalId("Supplier", item.supplierId) : undefined,
          })),
        },
      });
      if (!created.id) return created;
      return {
        id: created.id,
        ...(await mutate(email, "submitPurchaseRequest", "$id: ID!", REQUEST, { id: created.id })),
      };
    },
    decide: (email: string, id: string, decision = "APPROVE", note?: string) =>
      mutate(email, "decidePurchaseRequest", "$id: ID!, $decision: DecisionChoice!, $note: String", REQUEST, {
        id,
        decision,
        note,
      }),
    fulfil: (email: string, id: string, input: Record<string, unknown>) =>
      mutate(email, "recordFulfilment", "$id: ID!, $input: FulfilmentInput!", REQUEST, { id, input }),
    async arrangeCover(email: string, delegateEmail: string, startsOn: string, endsOn: string) {
      const input = {
        delegateId: globalId("StaffUser", await staffId(delegateEmail)),
        startsOn,
        endsOn,
        reason: "Annual leave",
      };
      return mutate(email, "arrangeCover", "$input: CoverInput!", "delegate { name } startsOn endsOn", { input });
    },
    recordAssessment: (email: string, caseId: string, priorityNeeds: string[]) =>
      mutate(email, "recordAssessment", "$input: RecordAssessmentInput!", "priorityNeeds", {
        input: { caseId: globalId("Case", caseId), kind: "CAF", completedOn: dayFromToday(0), priorityNeeds },
      }),
    configure: (email: string, settings: unknown, effectiveFrom?: string) =>
      mutate(
        email,
        "configurePlugin",
        "$schemeId: String!, $settings: JSON, $effectiveFrom: Date",
        "settingsVersion settings",
        {
          schemeId: "leeds",
          settings,
          effectiveFrom,
        },
      ),
  };
}

/** Ids of Leeds' demo rows by their names. */
export async function leedsDemo(db: Database) {
  const authorityId = (await db.authority.findUniqueOrThrow({ where: { code: "leeds-demo" } })).id;
  const budgets = await db.budget.findMany({ where: { authorityId, scheme: "leeds" }, include: { area: true } });
  const cases = await db.case.findMany({ where: { authorityId } });
  const suppliers = await db.supplier.findMany({ where: { authorityId } });
  return {
    authorityId,
    budget: (wedge: string) => budgets.find((b) => b.area?.name === wedge)?.id as string,
    case: (reference: string) => cases.find((c) => c.reference === reference)?.id as string,
    supplier: (name: string) => suppliers.find((s) => s.name === name)?.id as string,
    budgets,
  };
}
