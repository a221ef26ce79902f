// The benchmarked operations: one GraphQL document each (the same body goes to L1, L2 and L3),
// who asks, with which variables, and the pgbench script (L0) of the same SQL.
import * as sql from "./sql.ts";

export interface Fixture {
  seed: number;
  authorityId: string;
  approverAreas: string;
  tokens: { approver: string; lead: string; budgets: string };
  tokenHashes: { approver: string; lead: string; budgets: string };
  viewerIds: { approver: string; lead: string; budgets: string };
  childIds: string[];
  /** How many awaiting requests L0 may approve (and roll back): rows of bench_awaiting. */
  reservedForL0: number;
  /** Requests awaiting a decision, each with its area approver's token (for L1-L3). */
  awaiting: { id: string; token: string }[];
  year: number;
}

export interface Operation {
  name: string;
  operationName: string;
  document: string;
  /** Pathfinder has this operation (every one now; kept for operations the API has yet to get). */
  inL3: boolean;
  write: boolean;
  token(fixture: Fixture): string;
  variables(fixture: Fixture, n: number): Record<string, unknown>;
  ok(body: string): boolean;
  /** L0: the same SQL as a pgbench script (with -D defines for the viewer). */
  pgbench(fixture: Fixture): { script: string; defines: Record<string, string> };
}

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
const noErrors = (body: string) => !body.includes('"errors"');
const PAGE = 50;

/** $1, $2… to pgbench's :names. */
const forPgbench = (text: string, names: string[]) =>
  `${text
    .replace(/\$(\d+)(::uuid\[\])?/g, (_m, n, cast) => `:${names[Number(n) - 1]}${cast ?? ""}`)
    .replace(/\s+/g, " ")
    .trim()};\n`;
const sessionStep = forPgbench(sql.sessionSql, ["tokenhash"]);
const viewerDefines = (fixture: Fixture, who: keyof Fixture["tokens"]) => ({
  tokenhash: fixture.tokenHashes[who],
  authority: fixture.authorityId,
  viewer: fixture.viewerIds[who],
  areas: fixture.approverAreas,
  first: String(PAGE),
});

export const operations: Operation[] = [
  {
    // Not one of the issue's six: the floor under them, one primary-key read by a signed-in
    // viewer, which every layer pays before an operation's own work.
    name: "signed-in viewer (floor)",
    operationName: "Me",
    document: "query Me { me { name email } }",
    inL3: true,
    write: false,
    token: (f) => f.tokens.approver,
    variables: () => ({}),
    ok: (body) => noErrors(body) && body.includes('"email"'),
    pgbench: (f) => ({
      script: sessionStep + forPgbench(sql.meSql, ["authority", "viewer"]),
      defines: viewerDefines(f, "approver"),
    }),
  },
  {
    name: "child record",
    operationName: "Child",
    document: `query Child($id: ID!) { child(id: $id) { givenName familyName dateOfBirth lookedAfter disabled
      household { name postcode children { givenName familyName } } } }`,
    inL3: true,
    write: false,
    token: (f) => f.tokens.approver,
    variables: (f, n) => ({ id: globalId("Child", f.childIds[n % f.childIds.length] as string) }),
    ok: (body) => noErrors(body) && !body.includes('"child":null'),
    pgbench: (f) => ({
      // The same children as the other layers, by number from a helper table the harness fills.
      script:
        `\\set k random(1, ${f.childIds.length})\n` +
        sessionStep +
        forPgbench(sql.childSql, ["authority", "child", "areas"]).replace(
          ":child",
          "(SELECT id FROM bench_child WHERE n = :k)",
        ) +
        forPgbench(sql.auditReadSql, ["authority", "viewer", "child"]).replace(
          ":child",
          "(SELECT id FROM bench_child WHERE n = :k)",
        ),
      defines: viewerDefines(f, "approver"),
    }),
  },
  {
    name: "approver's queue (50)",
    operationName: "Queue",
    document: `query Queue($first: Int!) { purchaseRequests(awaitingMyDecision: true, first: $first) { edges { node {
      id reference status total { pence } submittedAt case { reference children { givenName familyName } }
      budget { name available { pence } } } } } }`,
    inL3: true,
    write: false,
    token: (f) => f.tokens.approver,
    variables: () => ({ first: PAGE }),
    ok: noErrors,
    pgbench: (f) => ({
      script: sessionStep + forPgbench(sql.queueSql, ["authority", "viewer", "areas", "first"]),
      defines: viewerDefines(f, "approver"),
    }),
  },
  {
    name: "caseload (50)",
    operationName: "Caseload",
    document: `query Caseload($first: Int!) { cases(status: OPEN, first: $first) { edges { node {
      id reference status openedAt area { name } children { givenName familyName dateOfBirth }
      latestAssessment { completedOn kind } } } } }`,
    inL3: true,
    write: false,
    token: (f) => f.tokens.lead,
    variables: () => ({ first: PAGE }),
    ok: noErrors,
    pgbench: (f) => ({
      script: sessionStep + forPgbench(sql.caseloadSql, ["authority", "viewer", "first"]),
      defines: viewerDefines(f, "lead"),
    }),
  },
  {
    name: "budget balances (50)",
    operationName: "Balances",
    document: `query Balances($first: Int!) { budgets(first: $first) { edges { node {
      id name status periodStart area { name } allocated { pence } committed { pence } spent { pence }
      lapsed { pence } available { pence } } } } }`,
    inL3: true,
    write: false,
    token: (f) => f.tokens.budgets,
    variables: () => ({ first: PAGE }),
    ok: noErrors,
    pgbench: (f) => ({
      script: sessionStep + forPgbench(sql.balancesSql, ["authority", "first"]),
      defines: viewerDefines(f, "budgets"),
    }),
  },
  {
    name: "spend by category (a year)",
    operationName: "Spend",
    // Pathfinder's reports API (reports/spend-and-requests.ts), for a financial year.
    document: `query Spend($from: Date!, $to: Date!) { reports(filter: { from: $from, to: $to }) {
      spendByCategory { category requests granted spend } } }`,
    inL3: true,
    write: false,
    token: (f) => f.tokens.budgets,
    variables: (f) => ({ from: `${f.year}-04-01`, to: `${f.year + 1}-03-31` }),
    ok: noErrors,
    pgbench: (f) => ({
      script: sessionStep + forPgbench(sql.spendReportSql, ["authority", "from", "to"]),
      defines: { ...viewerDefines(f, "budgets"), from: `${f.year}-04-01`, to: `${f.year + 1}-03-31` },
    }),
  },
  {
    name: "approve a request",
    operationName: "Approve",
    document: `mutation Approve($id: ID!) { decidePurchaseRequest(id: $id, decision: APPROVE) { __typename
      ... on MutationDecidePurchaseRequestSuccess { data { id status } } ... on Error { message } } }`,
    inL3: true,
    write: true,
    token: () => "",
    variables: () => ({}),
    ok: (body) => noErrors(body) && body.includes('"APPROVED"'),
    // L0 runs the approval's statements on a random awaiting request and rolls back, so it can
    // repeat: it pays every lock, trigger and index update but not the commit's WAL flush.
    pgbench: (f) => ({
      script:
        `\\set k random(1, ${Math.max(1, f.reservedForL0)})\nBEGIN;\n` +
        "SELECT authority_id AS authority, request_id AS request, approver_id AS viewer, areas, token_hash AS tokenhash " +
        "FROM bench_awaiting WHERE n = :k \\gset\n" +
        sessionStep +
        forPgbench(sql.approveSql.lock, ["authority", "request", "viewer", "areas"]).replace(/;\n$/, " \\gset\n") +
        forPgbench(sql.approveSql.step, ["authority", "step_id"]) +
        forPgbench(sql.approveSql.decision, ["authority", "request", "step_id", "viewer"]) +
        forPgbench(sql.approveSql.ledger, ["authority", "budget_id", "total_pence", "request", "viewer", "reference"]) +
        forPgbench(sql.approveSql.status, ["authority", "request"]) +
        forPgbench(sql.approveSql.history, ["authority", "request", "viewer"]) +
        forPgbench(sql.approveSql.audit, ["authority", "viewer", "request", "reference"]) +
        "ROLLBACK;\n",
      defines: {},
    }),
  },
];

export const bodyOf = (operation: Operation, variables: Record<string, unknown>) =>
  JSON.stringify({ operationName: operation.operationName, query: operation.document, variables });
