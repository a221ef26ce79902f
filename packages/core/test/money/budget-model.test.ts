// A model-based test of the money: fast-check generates random interleavings of create, submit,
// approve, reject, fulfil (cash), receipt, return and cancel (withdraw), plus allocations, and
// runs each against the real API and against a small in-memory model of the budget. After every
// step the budget's allocated, committed, spent and available (as the API reports them) must
// equal the model's, every request's status must too, and the maintained totals must equal the
// sums over the ledger. Fixed seed, bounded runs.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ledgerAgreesWithBudget } from "../purchases/support/ledger-check.ts";
import { balances, draftInput, purchaseApi } from "../purchases/support/purchase-api.ts";
import { globalId, PASSWORD, type PurchaseWorld, seedPurchaseWorld } from "../purchases/support/purchase-world.ts";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

const SEED = 20_261_123;
const RUNS = 8;
const MIN_COMMANDS = 20;
const MAX_COMMANDS = 35;
const ALLOCATION = 30_000;

type Status = "DRAFT" | "AWAITING_DECISION" | "APPROVED" | "REJECTED" | "FULFILLED" | "WITHDRAWN";
interface ModelRequest {
  status: Status;
  total: number;
  cash: number;
  receipts: number;
  returned: number;
}
interface Model {
  allocated: number;
  committed: number;
  spent: number;
  requests: ModelRequest[];
}
interface Real {
  budgetId: string;
  ids: string[];
}

let database: TestDatabase;
let world: PurchaseWorld;
let api: ReturnType<typeof createTestApi>;
const token: Record<string, string> = {};
let steps = 0;
/** How often each money movement really happened, so a run that moves no money cannot pass unseen. */
const moved = { approved: 0, refusedForFunds: 0, fulfilled: 0, returned: 0, released: 0 };

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedPurchaseWorld(database.db, "alpha", { allocation: 1 });
  api = createTestApi(database.db);
  for (const who of ["lp", "approver", "budgets", "finance"])
    token[who] = await api.signIn(`${who}@alpha.test`, PASSWORD);
});
afterAll(() => database.drop());

const purchases = () => purchaseApi(api);
const available = (m: Model) => m.allocated - m.committed - m.spent;

/** Runs after every command: the API, the ledger and the model agree. */
async function agree(model: Model, real: Real) {
  steps++;
  expect(await balances(api, token.budgets as string, real.budgetId)).toEqual({
    allocated: model.allocated,
    committed: model.committed,
    spent: model.spent,
    lapsed: 0,
    available: available(model),
  });
  expect(available(model)).toBeGreaterThanOrEqual(0);
  const { fromLedger, onBudget } = await ledgerAgreesWithBudget(database.db, real.budgetId);
  expect(onBudget).toEqual(fromLedger);
}

async function statusOf(real: Real, index: number) {
  const result = await api.graphql(
    `query ($id: ID!) { node(id: $id) { ... on PurchaseRequest { status } } }`,
    { id: real.ids[index] },
    token.budgets,
  );
  return result.data?.node.status as Status;
}

/** A command on one of the newest requests. */
abstract class OnRequest implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => m.requests.length > 0;
  /** The statuses in which the command can succeed. */
  abstract readonly wants: readonly Status[];
  // Mostly a request the command can act on (so lifecycles get far), sometimes any request (so
  // refusals of the wrong status are tried too).
  index = (m: Readonly<Model>) => {
    const ready = m.requests.flatMap((q, i) => (this.wants.includes(q.status) ? [i] : []));
    if (this.pick % 4 !== 3 && ready.length > 0) return ready[this.pick % ready.length] as number;
    return this.pick % m.requests.length;
  };
  abstract act(m: Model, r: Real, request: ModelRequest, id: string): Promise<void>;
  async run(m: Model, r: Real) {
    const i = this.index(m);
    const request = m.requests[i] as ModelRequest;
    await this.act(m, r, request, r.ids[i] as string);
    expect(await statusOf(r, i)).toBe(request.status);
    await agree(m, r);
  }
  abstract toString(): string;
}

class Create implements fc.AsyncCommand<Model, Real> {
  constructor(readonly total: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const input = { ...draftInput(world, [{ unitCost: this.total }]), budgetId: globalId("Budget", r.budgetId) };
    const draft = await purchases().create(token.lp as string, input);
    expect(draft.status).toBe("DRAFT");
    r.ids.push(draft.id);
    m.requests.push({ status: "DRAFT", total: this.total, cash: 0, receipts: 0, returned: 0 });
    await agree(m, r);
  }
  toString = () => `create(${this.total})`;
}

class Allocate implements fc.AsyncCommand<Model, Real> {
  constructor(readonly amount: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const result = await api.graphql(
      `mutation ($id: ID!, $amount: Pence!) { allocateToBudget(budgetId: $id, amount: $amount) { __typename } }`,
      { id: globalId("Budget", r.budgetId), amount: this.amount },
      token.budgets,
    );
    expect(result.data?.allocateToBudget.__typename).toBe("MutationAllocateToBudgetSuccess");
    m.allocated += this.amount;
    await agree(m, r);
  }
  toString = () => `allocate(${this.amount})`;
}

class Submit extends OnRequest {
  readonly wants = ["DRAFT"] as const;
  async act(m: Model, _r: Real, q: ModelRequest, id: string) {
    const result = await purchases().submit(token.lp as string, id);
    if (q.status !== "DRAFT") return expect(result.code).toBe("WRONG_STATUS");
    // Core's rules refuse a request the budget cannot cover at submission.
    if (q.total > available(m)) return expect(result.code).toBe("RULES_BROKEN");
    expect(result.status).toBe("AWAITING_DECISION");
    q.status = "AWAITING_DECISION";
  }
  toString = () => `submit(#${this.pick})`;
}

class Approve extends OnRequest {
  readonly wants = ["AWAITING_DECISION"] as const;
  async act(m: Model, _r: Real, q: ModelRequest, id: string) {
    const result = await purchases().decide(token.approver as string, id, "APPROVE");
    if (q.status !== "AWAITING_DECISION") return expect(result.status ?? "refused").not.toBe("APPROVED");
    if (q.total > available(m)) {
      moved.refusedForFunds++;
      return expect(result.code).toBe("INSUFFICIENT_FUNDS");
    }
    expect(result.status).toBe("APPROVED");
    moved.approved++;
    q.status = "APPROVED";
    m.committed += q.total;
  }
  toString = () => `approve(#${this.pick})`;
}

class Reject extends OnRequest {
  readonly wants = ["AWAITING_DECISION"] as const;
  async act(_m: Model, _r: Real, q: ModelRequest, id: string) {
    const result = await purchases().decide(token.approver as string, id, "REJECT", "Not within the scheme");
    if (q.status !== "AWAITING_DECISION") return expect(result.status ?? "refused").not.toBe("REJECTED");
    expect(result.status).toBe("REJECTED");
    q.status = "REJECTED";
  }
  toString = () => `reject(#${this.pick})`;
}

class Fulfil extends OnRequest {
  readonly wants = ["APPROVED"] as const;
  constructor(
    pick: number,
    readonly share: number,
  ) {
    super(pick);
  }
  async act(m: Model, _r: Real, q: ModelRequest, id: string) {
    const cash = Math.max(1, Math.floor((q.total * this.share) / 100));
    const result = await purchases().fulfil(token.finance as string, id, {
      cashIssued: cash,
      cashSignedForBy: "A parent",
    });
    if (q.status !== "APPROVED") return expect(result.code).toBe("WRONG_STATUS");
    expect(result.status).toBe("FULFILLED");
    moved.fulfilled++;
    q.status = "FULFILLED";
    q.cash = cash;
    m.committed -= q.total; // spent what was issued, released the rest
    m.spent += cash;
  }
  toString = () => `fulfil(#${this.pick}, ${this.share}%)`;
}

class Receipt extends OnRequest {
  readonly wants = ["FULFILLED"] as const;
  constructor(
    pick: number,
    readonly amount: number,
  ) {
    super(pick);
  }
  async act(_m: Model, _r: Real, q: ModelRequest, id: string) {
    const result = await purchases().receipt(token.lp as string, id, { amount: this.amount });
    if (q.status !== "FULFILLED") return expect(result.code).toBe("WRONG_STATUS");
    if (q.receipts + this.amount > q.cash - q.returned) return expect(result.code).toBe("RECEIPTS_OVER_AMOUNT");
    expect(result.status).toBe("FULFILLED");
    q.receipts += this.amount; // a cash receipt accounts for money already spent: no movement
  }
  toString = () => `receipt(#${this.pick}, ${this.amount})`;
}

class Return extends OnRequest {
  readonly wants = ["FULFILLED"] as const;
  constructor(
    pick: number,
    readonly amount: number,
  ) {
    super(pick);
  }
  async act(m: Model, _r: Real, q: ModelRequest, id: string) {
    const result = await purchases().returnUnspent(token.finance as string, id, this.amount);
    if (q.status !== "FULFILLED") return expect(result.code).toBe("WRONG_STATUS");
    if (this.amount > q.cash - q.receipts - q.returned) return expect(result.code).toBe("RETURN_OVER_OUTSTANDING");
    q.returned += this.amount;
    m.spent -= this.amount;
    moved.returned++;
  }
  toString = () => `return(#${this.pick}, ${this.amount})`;
}

class Cancel extends OnRequest {
  readonly wants = ["DRAFT", "AWAITING_DECISION", "APPROVED"] as const;
  async act(m: Model, _r: Real, q: ModelRequest, id: string) {
    const result = await purchases().withdraw(token.lp as string, id, "No longer needed");
    if (!["DRAFT", "AWAITING_DECISION", "APPROVED"].includes(q.status)) return expect(result.code).toBe("WRONG_STATUS");
    expect(result.status).toBe("WITHDRAWN");
    if (q.status === "APPROVED") {
      m.committed -= q.total;
      moved.released++;
    }
    q.status = "WITHDRAWN";
  }
  toString = () => `cancel(#${this.pick})`;
}

const pick = fc.nat(11);
// Weighted towards the steps that move a request along, so lifecycles reach the money.
const commands: fc.WeightedArbitrary<fc.AsyncCommand<Model, Real>>[] = [
  { weight: 3, arbitrary: fc.integer({ min: 500, max: 15_000 }).map((total) => new Create(total)) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 20_000 }).map((amount) => new Allocate(amount)) },
  { weight: 4, arbitrary: pick.map((i) => new Submit(i)) },
  { weight: 4, arbitrary: pick.map((i) => new Approve(i)) },
  { weight: 1, arbitrary: pick.map((i) => new Reject(i)) },
  {
    weight: 3,
    arbitrary: fc.tuple(pick, fc.integer({ min: 1, max: 100 })).map(([i, share]) => new Fulfil(i, share)),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(pick, fc.integer({ min: 1, max: 6_000 })).map(([i, amount]) => new Receipt(i, amount)),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(pick, fc.integer({ min: 1, max: 6_000 })).map(([i, amount]) => new Return(i, amount)),
  },
  { weight: 1, arbitrary: pick.map((i) => new Cancel(i)) },
];

describe("the budget against a model", () => {
  it(`agrees after every step of ${RUNS} random runs of up to ${MAX_COMMANDS} commands`, async () => {
    await fc.assert(
      // A plain array rather than fc.commands: its size bias made early runs a handful of steps.
      fc.asyncProperty(
        fc.array(fc.oneof(...commands), { minLength: MIN_COMMANDS, maxLength: MAX_COMMANDS }),
        async (cmds) => {
          const budget = await database.db.budget.create({
            data: {
              authorityId: world.authorityId,
              areaId: world.areas.get("North") as string,
              name: "Model fund",
              periodStart: new Date("2026-04-01"),
              periodEnd: new Date("2027-03-31"),
              holderRole: "APPROVER",
            },
          });
          await database.db.$executeRaw`INSERT INTO ledger_entry (authority_id, budget_id, kind, amount)
          VALUES (${world.authorityId}::uuid, ${budget.id}::uuid, 'ALLOCATION', ${ALLOCATION})`;
          const setup = () => ({
            model: { allocated: ALLOCATION, committed: 0, spent: 0, requests: [] } as Model,
            real: { budgetId: budget.id, ids: [] } as Real,
          });
          await fc.asyncModelRun(setup, cmds);
        },
      ),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    console.info(`budget model: ${RUNS} runs, ${steps} steps checked against the model; ${JSON.stringify(moved)}`);
    expect(moved.approved).toBeGreaterThan(0);
    expect(moved.fulfilled).toBeGreaterThan(0);
    expect(moved.released + moved.returned).toBeGreaterThan(0);
    expect(steps).toBeGreaterThan(RUNS * 10);
  }, 300_000);
});
