import { type Cache, cacheExchange } from "@urql/exchange-graphcache";
import { Client, type Exchange, fetchExchange, makeOperation, mapExchange } from "urql";
import { cacheSchema } from "./generated/cache-schema";

/** Types with no `id` of their own: graphcache embeds them in their parent instead of normalising. */
const embedded = [
  "Money",
  "ApprovalStep",
  "Decision",
  "PurchaseItem",
  "PurchaseStatusChange",
  "Receipt",
  "Review",
  "LedgerEntry",
  "TimelineEvent",
  "PageInfo",
  "Permission",
  "PurchaseRequestPermissions",
  "Household",
  "DomainError",
  "ValidationError",
  "RulesBrokenError",
  "FieldIssue",
  "RuleViolation",
  "SignInResult",
  "Cover",
  "SchemePageParagraph",
  "SchemePageTable",
  "SchemePageColumn",
  "SchemePageRow",
  "CaseHandOver",
  "DorsetForm",
  "DorsetAgreement",
  "DorsetOutcome",
  // The reports: figures, not entities.
  "Reports",
  "SpendByMonthRow",
  "SpendByCategoryRow",
  "SpendByAreaRow",
  "AmountDistributionRow",
  "DecisionTimesRow",
  "ChildrenAndFamiliesRow",
  "EcmOutcomesRow",
  "UnmetNeedsRow",
  "AreaMonthlyTrendsRow",
  "OutliersRow",
  "MatchedFundingRow",
  "RepeatRequestsRow",
  "BudgetBurnDownRow",
  "DorsetError",
  "LeedsPurchaseRequest",
  "LeedsCaseStudy",
  "LeedsError",
  "LeedsUnmetNeedCount",
];

/** Drops every cached result of these root fields, so lists refetch in their new shape. */
function invalidateLists(cache: Cache, ...fieldNames: string[]) {
  for (const field of cache.inspectFields("Query"))
    if (fieldNames.includes(field.fieldName)) cache.invalidate("Query", field.fieldKey);
}

/** Budget ids touched by a mutation result are refetched: their balances come from the ledger. */
function invalidateBudgets(cache: Cache) {
  for (const field of cache.inspectFields("Query"))
    if (field.fieldName === "budgets") cache.invalidate("Query", field.fieldKey);
}

const requestChanged = (_result: unknown, _args: unknown, cache: Cache) => {
  invalidateLists(cache, "purchaseRequests");
  invalidateBudgets(cache);
};

/** The case a mutation was about, by its `caseId` or `input.caseId` argument. */
const caseChanged = (_result: unknown, args: Record<string, unknown>, cache: Cache, _info?: unknown) => {
  const caseId = (args.caseId ?? (args.input as { caseId?: string } | undefined)?.caseId) as string | undefined;
  if (caseId) cache.invalidate({ __typename: "Case", id: caseId });
};

/**
 * A production build sends each operation by its hash (`extensions.persistedQuery`, without the
 * text): the API there runs only the documents of lib/generated/persisted-documents.json. Placed
 * after graphcache, which builds operations afresh (dropping extensions set before it) but keeps the
 * document's generated `__meta__.hash`. Development sends the text, so `npm start` works with an API that has no manifest.
 */
const sendDocumentsByHash: Exchange = mapExchange({
  onOperation: (operation) => {
    const hash = (operation.query as { __meta__?: { hash?: string } }).__meta__?.hash;
    if (!hash || operation.extensions?.persistedQuery) return operation;
    const persistedQuery = { version: 1 as const, sha256Hash: hash.replace(/^sha256:/, "") };
    return makeOperation(operation.kind, { ...operation, extensions: { ...operation.extensions, persistedQuery } });
  },
});

/**
 * The portal's one client: a normalised cache (entities by `__typename` and `id`), so a decision
 * returned by one mutation updates the queue, the budget and the case wherever they are shown.
 * The API is on the portal's own origin (/graphql is rewritten to it) and signs in by cookie.
 */
export function createPortalClient(): Client {
  return new Client({
    url: "/graphql",
    // The header the API's CSRF check asks of every GET and multipart request (a page on another
    // site cannot send it): SECURITY.md, "The API under attack".
    fetchOptions: { credentials: "same-origin", headers: { "x-pathfinder-csrf": "1" } },
    requestPolicy: "cache-and-network",
    exchanges: [
      cacheExchange({
        schema: cacheSchema as never,
        keys: Object.fromEntries(embedded.map((type) => [type, () => null])),
        updates: {
          Mutation: {
            signIn: (_result, _args, cache) => invalidateLists(cache, "me"),
            signOut: (_result, _args, cache) => invalidateLists(cache, "me"),
            openCase: (_result, _args, cache) => invalidateLists(cache, "cases"),
            // What is recorded on a case shows in its lists and its timeline: the case is fetched again.
            recordAssessment: caseChanged,
            recordTeamMeeting: caseChanged,
            recordUnmetNeed: caseChanged,
            updateCasePlan: caseChanged,
            closeCase: (result, args, cache, info) => {
              caseChanged(result, args, cache, info);
              invalidateLists(cache, "cases");
            },
            handOverCase: (result, args, cache, info) => {
              caseChanged(result, args, cache, info);
              invalidateLists(cache, "cases");
            },
            createPurchaseRequest: requestChanged,
            updatePurchaseRequest: requestChanged,
            submitPurchaseRequest: requestChanged,
            decidePurchaseRequest: requestChanged,
            withdrawPurchaseRequest: requestChanged,
            recordFulfilment: requestChanged,
            recordReceipt: requestChanged,
            returnUnspent: requestChanged,
            reconcilePurchaseRequest: requestChanged,
            recordReview: requestChanged,
            allocateToBudget: (_result, _args, cache) => invalidateBudgets(cache),
            enablePlugin: (_result, _args, cache) => invalidateLists(cache, "schemes", "schemePages"),
            disablePlugin: (_result, _args, cache) => invalidateLists(cache, "schemes", "schemePages"),
            arrangeCover: (_result, _args, cache) => invalidateLists(cache, "myCover"),
            addStaffMember: (_result, _args, cache) => invalidateLists(cache, "staffUsers"),
            createSupplier: (_result, _args, cache) => invalidateLists(cache, "suppliers"),
          },
        },
      }),
      ...(process.env.NODE_ENV === "production" ? [sendDocumentsByHash] : []),
      fetchExchange,
    ],
  });
}
