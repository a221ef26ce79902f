// The overspend test, with a control. One harness fires many concurrent commitments at one
// budget. Against Pathfinder's ledger it must never overspend; against a deliberately naive
// check-then-insert (written below) it must overspend at PostgreSQL's default isolation
// (READ COMMITTED): the control proves the harness can catch the bug it guards against.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InsufficientFundsError, postToLedger } from "../../src/budgets/budget-ledger.ts";
import { createPrismaClient, type Database } from "../../src/db/prisma-client.ts";
import type { Pence } from "../../src/domain/money.ts";
import { ledgerAgreesWithBudget } from "../purchases/support/ledger-check.ts";
import { type PurchaseWorld, seedPurchaseWorld } from "../purchases/support/purchase-world.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { type CommitAttempt, hammerOneBudget } from "./support/overspend-harness.ts";

const ALLOCATION = 253_000; // £2,530: covers 25 commitments of £100, with £30 to spare
const LOAD = { attempts: 60, amount: 10_000, thinkMs: 15 };
const CONNECTIONS = 12;

let database: TestDatabase;
let world: PurchaseWorld;
let pathfinderDb: Database;
let naivePool: pg.Pool;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedPurchaseWorld(database.db, "alpha", { allocation: ALLOCATION });
  // Both implementations get the same number of real connections, so the same concurrency.
  pathfinderDb = createPrismaClient(database.url, CONNECTIONS);
  naivePool = new pg.Pool({ connectionString: database.url, max: CONNECTIONS });
  await naivePool.query(`
    CREATE TABLE naive_budget (id int PRIMARY KEY, allocated int NOT NULL);
    CREATE TABLE naive_commitment (budget_id int NOT NULL REFERENCES naive_budget (id), amount int NOT NULL);
    INSERT INTO naive_budget VALUES (1, ${ALLOCATION});`);
});
afterAll(async () => {
  await naivePool.end();
  await pathfinderDb.$disconnect();
  await database.drop();
});

/** Pathfinder: the posting every mutation uses, inside a transaction, after the same think time. */
const pathfinderCommit: CommitAttempt = async (amount, think) => {
  try {
    await pathfinderDb.$transaction(async (tx) => {
      await tx.budget.findUniqueOrThrow({ where: { id: world.budgetId } });
      await think();
      await postToLedger(tx, null, { budgetId: world.budgetId, kind: "COMMITMENT", amount: amount as Pence });
    });
    return true;
  } catch (error) {
    if (error instanceof InsufficientFundsError) return false;
    throw error;
  }
};

/** The bug the ledger exists to prevent: read what is left, decide in the application, insert. */
const naiveCommit: CommitAttempt = async (amount, think) => {
  const client = await naivePool.connect();
  try {
    await client.query("BEGIN"); // PostgreSQL's default: READ COMMITTED
    const { rows } = await client.query(
      `SELECT b.allocated - COALESCE((SELECT SUM(amount) FROM naive_commitment WHERE budget_id = b.id), 0) AS available
       FROM naive_budget b WHERE b.id = 1`,
    );
    await think();
    if (Number(rows[0].available) < amount) {
      await client.query("ROLLBACK");
      return false;
    }
    await client.query("INSERT INTO naive_commitment VALUES (1, $1)", [amount]);
    await client.query("COMMIT");
    return true;
  } finally {
    client.release();
  }
};

describe(`${LOAD.attempts} concurrent commitments of £${LOAD.amount / 100} against a £${ALLOCATION / 100} budget`, () => {
  it("control: a naive check-then-insert overspends under the harness", async () => {
    const result = await hammerOneBudget(naiveCommit, LOAD);
    const { rows } = await naivePool.query("SELECT COALESCE(SUM(amount), 0)::int AS total FROM naive_commitment");
    console.info(
      `overspend control: naive check-then-insert committed ${result.committed} of ${LOAD.attempts} (£${rows[0].total / 100} against £${ALLOCATION / 100})`,
    );
    expect(rows[0].total).toBeGreaterThan(ALLOCATION);
    expect(result.committed).toBeGreaterThan(Math.floor(ALLOCATION / LOAD.amount));
  });

  it("Pathfinder: the same harness never overspends, commits exactly what fits, and the totals match the ledger", async () => {
    const result = await hammerOneBudget(pathfinderCommit, LOAD);
    console.info(
      `overspend harness: Pathfinder committed ${result.committed} of ${LOAD.attempts}, refused ${result.refused}`,
    );
    expect(result).toEqual({ committed: Math.floor(ALLOCATION / LOAD.amount), refused: LOAD.attempts - 25 });
    const budget = await database.db.budget.findUniqueOrThrow({ where: { id: world.budgetId } });
    expect(budget.allocated - budget.committed - budget.spent - budget.lapsed).toBe(ALLOCATION - 25 * LOAD.amount);
    const { fromLedger, onBudget } = await ledgerAgreesWithBudget(database.db, world.budgetId);
    expect(onBudget).toEqual(fromLedger);
  });
});
