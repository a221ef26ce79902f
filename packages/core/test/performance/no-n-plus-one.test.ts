// The number of SQL statements an operation issues must not grow with the page it shows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../src/auth/password-hashing.ts";
import { STATEMENT_SEPARATOR } from "../../src/db/begin-with-first-statement.ts";
import { DEMO_PASSWORD } from "../../src/seed/demo-people.ts";
import { seedScale } from "../../src/seed/scale/scale-seed.ts";
import { createTestApi } from "../support/api-client.ts";
import { countingDatabase } from "../support/statement-counter.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

// One authority, two areas: area 0's first lead professional leads 150 cases, its approver has
// well over 100 requests awaiting them, and 34 years of budgets give the budget manager 100+.
const scale = { authorities: 1, cases: 1200, seed: 3, areas: 2, caseload: 150, years: 34 };
const email = (who: string) => `${who}.a1.s${scale.seed}@scale.example`;

const queuePage = `query ($first: Int!) {
  purchaseRequests(awaitingMyDecision: true, first: $first) {
    edges { node { id reference status total { pence } submittedAt
      case { reference area { name } children { givenName familyName ageInYears } }
      budget { name available { pence } }
      currentStep { label }
      viewerCan { approve { allowed reason } reject { allowed } }
    } }
    pageInfo { hasNextPage endCursor }
  } }`;
const caseload = `query ($first: Int!) {
  cases(status: OPEN, first: $first) {
    edges { node { id reference status openedAt area { name } leadProfessional { name }
      children { givenName familyName dateOfBirth } latestAssessment { completedOn kind } } }
    pageInfo { hasNextPage endCursor }
  } }`;
const balances = `query ($first: Int!) {
  budgets(first: $first) {
    edges { node { id name status periodStart area { name }
      allocated { pence } committed { pence } spent { pence } lapsed { pence } available { pence } } }
  } }`;
const childRecord = `query ($id: ID!) {
  child(id: $id) { givenName familyName dateOfBirth ageInYears lookedAfter disabled
    household { name postcode children { givenName familyName } } } }`;
const approve = `mutation ($id: ID!) {
  decidePurchaseRequest(id: $id, decision: APPROVE) {
    __typename
    ... on MutationDecidePurchaseRequestSuccess { data { status budget { available { pence } } } }
    ... on Error { message }
  } }`;

describe("no N+1: the statements an operation issues do not grow with its page", () => {
  let database: TestDatabase;
  let counting: ReturnType<typeof countingDatabase>;
  let api: ReturnType<typeof createTestApi>;
  const tokens = new Map<string, string>();
  const as = async (who: string) => {
    if (!tokens.has(who)) tokens.set(who, await api.signIn(email(who), DEMO_PASSWORD));
    return tokens.get(who) as string;
  };
  /**
   * Runs one operation and returns its data, the messages it sent to the database (round
   * trips: each waits for its answer) and the SQL statements in them. `BEGIN` travels in the
   * same message as the request's first statement (db/begin-with-first-statement.ts), so a
   * message may hold more than one statement.
   */
  const measure = async (who: string, query: string, variables: Record<string, unknown>) => {
    const token = await as(who);
    let data: Record<string, any> | undefined;
    const messages = await counting.during(async () => {
      const result = await api.graphql(query, variables, token);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      data = result.data;
    });
    const statements = messages.flatMap((message) => message.split(STATEMENT_SEPARATOR));
    return { data: data as Record<string, any>, messages, statements };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedScale(database.url, { ...scale, passwordHash: await hashPassword(DEMO_PASSWORD) });
    // As the application role, as the API connects in production: row-level security applies.
    counting = countingDatabase(database.appUrl);
    api = createTestApi(counting.db);
  });
  afterAll(async () => {
    await counting.end();
    await database.drop();
  });

  /**
   * Measured (Prisma 7 with relationJoins, one transaction per request under row-level
   * security), 3 round trips and 4 statements: BEGIN with begin_request (session, authority
   * set, roles, cover, schemes) in one message; the page in one statement; COMMIT. The bounds
   * below are those counts, so a regression shows even at a fixed page size.
   */
  const pages = async (who: string, query: string, field: string) => {
    const ten = await measure(who, query, { first: 10 });
    const hundred = await measure(who, query, { first: 100 });
    expect(ten.data[field].edges).toHaveLength(10);
    expect(hundred.data[field].edges).toHaveLength(100);
    console.info(
      `${field} as ${who}: ${ten.messages.length} round trips / ${ten.statements.length} statements for 10, ` +
        `${hundred.messages.length} / ${hundred.statements.length} for 100`,
    );
    expect(hundred.messages).toHaveLength(ten.messages.length);
    expect(hundred.statements).toHaveLength(ten.statements.length);
    expect(ten.messages.length).toBeLessThanOrEqual(3);
    expect(ten.statements.length).toBeLessThanOrEqual(4);
  };

  it("an approver's queue page, with each request's case, children and budget", async () => {
    await pages("approver0", queuePage, "purchaseRequests");
  });

  it("a lead professional's caseload", async () => {
    await pages("lp0-0", caseload, "cases");
  });

  it("budget balances", async () => {
    await pages("budgets", balances, "budgets");
  });

  it("a child's record, whatever the size of the household", async () => {
    // Find one child alone in their household and one with a sibling, through the API itself.
    const ids = await measure("approver0", `query { cases(first: 60) { edges { node { children { id } } } } }`, {});
    const households = ids.data.cases.edges.map((edge: any) => edge.node.children.map((child: any) => child.id));
    const only = households.find((h: string[]) => h.length === 1)[0];
    const sibling = households.find((h: string[]) => h.length === 2)[0];
    const one = await measure("approver0", childRecord, { id: only });
    const two = await measure("approver0", childRecord, { id: sibling });
    expect(one.data.child.household.children).toHaveLength(1);
    expect(two.data.child.household.children).toHaveLength(2);
    console.info(
      `child record: ${one.messages.length} round trips / ${one.statements.length} statements (1 child), ` +
        `${two.messages.length} / ${two.statements.length} (2 children)`,
    );
    expect(two.messages).toHaveLength(one.messages.length);
    expect(two.statements).toHaveLength(one.statements.length);
    // As a page, plus the audit entry of the read.
    expect(one.messages.length).toBeLessThanOrEqual(4);
    expect(one.statements.length).toBeLessThanOrEqual(5);
  });

  it("approving a request, whatever its number of items", async () => {
    const queue = await measure("approver0", queuePage, { first: 100 });
    const ids = queue.data.purchaseRequests.edges.map((edge: any) => edge.node.id);
    const first = await measure("approver0", approve, { id: ids[0] });
    const second = await measure("approver0", approve, { id: ids[1] });
    expect(first.data.decidePurchaseRequest.data.status).toBe("APPROVED");
    expect(second.data.decidePurchaseRequest.data.status).toBe("APPROVED");
    console.info(
      `approval: ${first.messages.length} round trips / ${first.statements.length} statements, ` +
        `then ${second.messages.length} / ${second.statements.length}`,
    );
    expect(second.messages).toHaveLength(first.messages.length);
    expect(second.statements).toHaveLength(first.statements.length);
    // A write path: the request's transaction and scope, the mutation's savepoint with the lock,
    // the request with its steps (permission checked in the same query), the step with its
    // decision, the ledger posting with the status and its history, the lead professional's
    // message with the audit entry (each pair or trio one statement), the result, COMMIT (BEGIN
    // travels with the scope, the savepoint with the lock).
    expect(first.messages.length).toBeLessThanOrEqual(8);
    expect(first.statements.length).toBeLessThanOrEqual(10);
  });
});
