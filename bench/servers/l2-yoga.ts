// L2: a minimal graphql-yoga with hand-written resolvers over the same SQL: the cost of GraphQL
// itself (parse, validate, execute, serialise) over L1, with no ORM, no CASL, no Pothos.
import { createServer } from "node:http";
import { createSchema, createYoga } from "graphql-yoga";
import * as handlers from "./handlers.ts";
import { countingPool, handleStats, statsKeeper } from "./server-stats.ts";
import { type BenchViewer, viewerOf } from "./viewer.ts";

const { pool, counters } = countingPool(process.env.DATABASE_URL as string, Number(process.env.POOL_SIZE ?? 10));
const stats = statsKeeper(counters);

const typeDefs = /* GraphQL */ `
  type StaffUser { name: String! email: String! }
  type Money { pence: Int! }
  type Area { name: String! }
  type ChildSummary { givenName: String! familyName: String! dateOfBirth: String }
  type Household { name: String! postcode: String children: [ChildSummary!]! }
  type Child { givenName: String! familyName: String! dateOfBirth: String! lookedAfter: Boolean! disabled: Boolean! household: Household }
  type CaseSummary { reference: String! children: [ChildSummary!]! }
  type BudgetSummary { name: String! available: Money! }
  type PurchaseRequest { id: ID! reference: String! status: String! total: Money! submittedAt: String case: CaseSummary budget: BudgetSummary! }
  type PurchaseRequestEdge { node: PurchaseRequest! }
  type PurchaseRequestConnection { edges: [PurchaseRequestEdge!]! }
  type Assessment { completedOn: String! kind: String! }
  type Case { id: ID! reference: String! status: String! openedAt: String! area: Area! children: [ChildSummary!]! latestAssessment: Assessment }
  type CaseEdge { node: Case! }
  type CaseConnection { edges: [CaseEdge!]! }
  type Budget { id: ID! name: String! status: String! periodStart: String! area: Area allocated: Money! committed: Money! spent: Money! lapsed: Money! available: Money! }
  type BudgetEdge { node: Budget! }
  type BudgetConnection { edges: [BudgetEdge!]! }
  scalar Date
  input ReportFilter { from: Date, to: Date }
  type SpendByCategoryRow { category: String! requests: Int! granted: Int! spend: Int! }
  type Reports { spendByCategory: [SpendByCategoryRow!]! }
  interface Error { message: String! }
  type BenchError implements Error { message: String! }
  type ApprovedRequest { id: ID! status: String! }
  type MutationDecidePurchaseRequestSuccess { data: ApprovedRequest! }
  union DecidePurchaseRequestResult = MutationDecidePurchaseRequestSuccess | BenchError
  enum DecisionChoice { APPROVE }
  enum CaseStatus { OPEN CLOSED }
  type Query {
    me: StaffUser
    child(id: ID!): Child
    purchaseRequests(awaitingMyDecision: Boolean, first: Int!): PurchaseRequestConnection!
    cases(status: CaseStatus, first: Int!): CaseConnection!
    budgets(first: Int!): BudgetConnection!
    reports(filter: ReportFilter): Reports!
  }
  type Mutation { decidePurchaseRequest(id: ID!, decision: DecisionChoice!): DecidePurchaseRequestResult! }
`;

type Context = Record<string, unknown> & { viewer: BenchViewer | null };
const signedIn = (context: Context) => {
  if (!context.viewer) throw new Error("Sign in first.");
  return context.viewer;
};

const yoga = createYoga<Record<string, unknown>, Context>({
  schema: createSchema<Context>({
    typeDefs,
    resolvers: {
      Query: {
        me: (_root, _args, context) => handlers.me(pool, signedIn(context)),
        child: (_root, args, context) => handlers.child(pool, signedIn(context), args.id),
        purchaseRequests: (_root, args, context) => handlers.queue(pool, signedIn(context), args.first),
        cases: (_root, args, context) => handlers.caseload(pool, signedIn(context), args.first),
        budgets: (_root, args, context) => handlers.balances(pool, signedIn(context), args.first),
        // The report's rows resolve only when asked for, like Pathfinder's Reports type.
        reports: (_root, args, context) => ({
          spendByCategory: () => handlers.spendByCategory(pool, signedIn(context), args.filter.from, args.filter.to),
        }),
      },
      Mutation: {
        decidePurchaseRequest: (_root, args, context) => handlers.approve(pool, signedIn(context), args.id),
      },
    },
  }),
  // As Pathfinder runs in production: no GraphiQL, no landing page, no request logging; and
  // without yoga's body-size limit, which Pathfinder replaces with a cheaper one of its own
  // (server/request-size-guard.ts), so that neither layer pays for it.
  graphiql: false,
  maxRequestBodySize: false,
  landingPage: false,
  logging: false,
  context: async ({ request }) => ({ viewer: await viewerOf(pool, request.headers.get("authorization") ?? undefined) }),
});

const server = createServer((request, response) => {
  const send = (status: number, body: string) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(body);
  };
  if (handleStats(request.url ?? "", request.method ?? "GET", stats, send)) return;
  stats.served();
  yoga(request, response);
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("ready"));
// A clean exit on the harness's SIGTERM, so that --cpu-prof writes its profile.
process.on("SIGTERM", () => process.exit(0));
