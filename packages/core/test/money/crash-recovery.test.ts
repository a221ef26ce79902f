// The crash test: the real production API (`npm run start:prod`) as a child process, killed with
// SIGKILL in the middle of a concurrent burst of approvals and fulfilments, then restarted. Every
// money movement and its idempotency key commit in one transaction, so after the crash the ledger
// must balance, every acknowledged mutation must be there exactly once, and retrying the whole
// burst with the same keys must complete what had not landed and move nothing twice.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repositoryRoot } from "../../src/db/repository-paths.ts";
import { ledgerAgreesWithBudget } from "../purchases/support/ledger-check.ts";
import { draftInput, mutate } from "../purchases/support/purchase-api.ts";
import { PASSWORD, type PurchaseWorld, seedPurchaseWorld } from "../purchases/support/purchase-world.ts";
import { createTestApi } from "../support/api-client.ts";
import { freePort } from "../support/free-port.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

// Deterministic and bounded: 24 approvals and 24 cash fulfilments in one burst. The process is
// killed as soon as the database shows 16 of them committed: by then some answers are back and
// others are committed but not yet answered, or still running.
const APPROVALS = 24;
const FULFILMENTS = 24;
const KILL_AFTER_COMMITS = 16;
const ALLOCATION = 10_000_000;
/** Request i costs this (below any second-approval threshold), and its fulfilment issues `cashFor(i)`. */
const costOf = (i: number) => 5_000 + 137 * i;
const cashFor = (i: number) => costOf(i) - 100 * (i % 5);

const scripts = JSON.parse(readFileSync(`${repositoryRoot}packages/core/package.json`, "utf8")).scripts;
const CONFIG_VARIABLES = ["DATABASE_URL", "APP_DATABASE_URL", "APP_DATABASE_PASSWORD", "API_PORT", "NODE_ENV", "CI"];

type Api = ChildProcess & { output: () => string };

function startApi(appUrl: string, port: number): Api {
  const [command, ...args] = (scripts["start:prod"] as string).split(" ");
  const executable = command === "node" ? process.execPath : `${repositoryRoot}node_modules/.bin/${command}`;
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !CONFIG_VARIABLES.includes(key)));
  const child = spawn(executable, args, {
    cwd: `${repositoryRoot}packages/core`,
    env: { ...env, APP_DATABASE_URL: appUrl, API_PORT: String(port), GRAPHQL_ALLOW_ANY_DOCUMENT: "true" },
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  return Object.assign(child, { output: () => output });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.on("exit", () => resolve());
  });

async function listening(api: Api, port: number) {
  const deadline = Date.now() + 60_000;
  while (!api.output().includes(`Listening on port ${port}`)) {
    if (api.exitCode !== null || Date.now() > deadline) throw new Error(`The API did not start: ${api.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** GraphQL over real HTTP to the child process. */
async function graphqlOverHttp(base: string, query: string, variables: Record<string, unknown>, token?: string) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers,
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
}

interface BurstMutation {
  kind: "approve" | "fulfil";
  index: number;
  requestId: string;
  key: string;
  query: string;
  variables: Record<string, unknown>;
  token: string;
  expectedStatus: "APPROVED" | "FULFILLED";
}

const answer = (success: string) => `__typename ... on Error { code message } ... on ${success} { data { id status } }`;
const APPROVE = `mutation ($id: ID!, $key: String) {
  decidePurchaseRequest(id: $id, decision: APPROVE, idempotencyKey: $key) { ${answer("MutationDecidePurchaseRequestSuccess")} } }`;
const FULFIL = `mutation ($id: ID!, $input: FulfilmentInput!, $key: String) {
  recordFulfilment(id: $id, input: $input, idempotencyKey: $key) { ${answer("MutationRecordFulfilmentSuccess")} } }`;

/** The request's status if the mutation succeeded, or why not. */
async function send(base: string, mutation: BurstMutation): Promise<{ status?: string; failure?: string }> {
  const name = mutation.kind === "approve" ? "decidePurchaseRequest" : "recordFulfilment";
  const result = await graphqlOverHttp(
    base,
    mutation.query,
    { ...mutation.variables, key: mutation.key },
    mutation.token,
  );
  const payload = result.data?.[name];
  if (payload?.data) return { status: payload.data.status };
  return { failure: JSON.stringify(result.errors ?? payload) };
}

const rawId = (id: string) => Buffer.from(id, "base64").toString().split(":")[1] as string;

let database: TestDatabase;
let world: PurchaseWorld;
let api: Api | undefined;
const burst: BurstMutation[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedPurchaseWorld(database.db, "alpha", { allocation: ALLOCATION });
  // The requests are arranged through the in-process API (same code, same database); only the
  // burst goes to the process that is killed.
  const inProcess = createTestApi(database.db);
  const lp = await inProcess.signIn("lp@alpha.test", PASSWORD);
  const approver = await inProcess.signIn("approver@alpha.test", PASSWORD);
  const finance = await inProcess.signIn("finance@alpha.test", PASSWORD);
  const draftOf = async (i: number) => {
    const draft = await mutate(inProcess, lp, "createPurchaseRequest", "$input: CreatePurchaseRequestInput!", {
      input: draftInput(world, [{ unitCost: costOf(i) }]),
    });
    const submitted = await mutate(inProcess, lp, "submitPurchaseRequest", "$id: ID!", { id: draft.id });
    expect(submitted.status).toBe("AWAITING_DECISION");
    return draft.id as string;
  };
  for (let i = 0; i < APPROVALS; i++) {
    const id = await draftOf(i);
    burst.push({
      kind: "approve",
      index: i,
      requestId: id,
      key: `crash-approve-${i}`,
      query: APPROVE,
      variables: { id },
      token: approver,
      expectedStatus: "APPROVED",
    });
  }
  for (let i = APPROVALS; i < APPROVALS + FULFILMENTS; i++) {
    const id = await draftOf(i);
    const approved = await mutate(
      inProcess,
      approver,
      "decidePurchaseRequest",
      "$id: ID!, $decision: DecisionChoice!",
      {
        id,
        decision: "APPROVE",
      },
    );
    expect(approved.status).toBe("APPROVED");
    burst.push({
      kind: "fulfil",
      index: i,
      requestId: id,
      key: `crash-fulfil-${i}`,
      query: FULFIL,
      variables: { id, input: { cashIssued: cashFor(i), cashSignedForBy: "Lena Price" } },
      token: finance,
      expectedStatus: "FULFILLED",
    });
  }
  // Alternate the kinds so that both are in flight together.
  burst.sort((a, b) => (a.index % APPROVALS) - (b.index % APPROVALS) || a.kind.localeCompare(b.kind));
  await inProcess.close();
}, 120_000);

afterAll(async () => {
  if (api && api.exitCode === null && api.signalCode === null) {
    api.kill("SIGKILL");
    await exited(api);
  }
  await database?.drop();
});

/** Every budget's maintained totals equal the sums over its ledger; available is never negative. */
async function ledgerBalances() {
  for (const budget of await database.db.budget.findMany()) {
    const { fromLedger, onBudget } = await ledgerAgreesWithBudget(database.db, budget.id);
    expect(onBudget).toEqual(fromLedger);
    expect(budget.allocated - budget.committed - budget.spent - budget.lapsed).toBeGreaterThanOrEqual(0);
  }
}

/** The request's ledger movements, by kind. */
async function movementsOf(requestId: string) {
  const rows = await database.db.ledgerEntry.findMany({ where: { purchaseRequestId: rawId(requestId) } });
  const count = (kind: string) => rows.filter((row) => row.kind === kind).length;
  return { COMMITMENT: count("COMMITMENT"), SPEND: count("SPEND"), RELEASE: count("RELEASE"), total: rows.length };
}

/** Landed exactly once: the status, one movement, one key; or not at all. */
async function landed(mutation: BurstMutation): Promise<boolean> {
  const request = await database.db.purchaseRequest.findUniqueOrThrow({ where: { id: rawId(mutation.requestId) } });
  const movements = await movementsOf(mutation.requestId);
  const key = await database.db.idempotencyKey.count({ where: { key: mutation.key } });
  if (request.status === mutation.expectedStatus) {
    if (mutation.kind === "approve") expect(movements).toEqual({ COMMITMENT: 1, SPEND: 0, RELEASE: 0, total: 1 });
    // The approval before the burst committed it; the fulfilment spent the cash and released the rest.
    else {
      const release = cashFor(mutation.index) < costOf(mutation.index) ? 1 : 0;
      expect(movements).toEqual({ COMMITMENT: 1, SPEND: 1, RELEASE: release, total: 2 + release });
    }
    expect(key).toBe(1);
    return true;
  }
  expect(request.status).toBe(mutation.kind === "approve" ? "AWAITING_DECISION" : "APPROVED");
  expect(movements.total).toBe(mutation.kind === "approve" ? 0 : 1);
  expect(key).toBe(0);
  return false;
}

describe("the API process killed hard in the middle of a burst of approvals and fulfilments", () => {
  it("restarts with the ledger balanced, nothing acknowledged lost, and nothing doubled on retry", async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    api = startApi(database.appUrl, port);
    await listening(api, port);

    // The burst: every mutation at once; SIGKILL once KILL_AFTER_COMMITS have committed (their keys
    // are written in the same transaction as their money).
    const running = api;
    const answers = new Map<BurstMutation, { status?: string; failure?: string }>();
    const unanswered = new Set<BurstMutation>();
    const burstDone = Promise.all(
      burst.map(async (mutation) => {
        try {
          answers.set(mutation, await send(base, mutation));
        } catch {
          unanswered.add(mutation);
        }
      }),
    );
    let committedAtKill = 0;
    while (committedAtKill < KILL_AFTER_COMMITS && answers.size < burst.length)
      committedAtKill = await database.db.idempotencyKey.count({ where: { key: { startsWith: "crash-" } } });
    running.kill("SIGKILL");
    await burstDone;
    await exited(running);
    expect(running.signalCode).toBe("SIGKILL");

    const acknowledged = [...answers].filter(([, answer]) => answer.status).map(([mutation]) => mutation);
    // No mutation of the burst should be refused: only the crash may stop one.
    expect([...answers.values()].filter((answer) => answer.failure)).toEqual([]);
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(unanswered.size).toBeGreaterThan(0);

    // (1) The ledger balances after the crash, before anything else runs.
    await ledgerBalances();
    // (2) Every acknowledged mutation is there exactly once; each unanswered one landed whole or not at all.
    for (const mutation of acknowledged) expect(await landed(mutation)).toBe(true);
    let landedUnanswered = 0;
    for (const mutation of unanswered) if (await landed(mutation)) landedUnanswered++;

    // Restart on the same database, and retry the whole burst with the same keys.
    const restartPort = await freePort();
    const restartBase = `http://127.0.0.1:${restartPort}`;
    api = startApi(database.appUrl, restartPort);
    await listening(api, restartPort);
    const retries = await Promise.all(burst.map((mutation) => send(restartBase, mutation)));
    expect(retries.map((retry) => retry.status)).toEqual(burst.map((mutation) => mutation.expectedStatus));

    // (3) Nothing doubled: every mutation landed exactly once, and the totals are the requests' figures.
    for (const mutation of burst) expect(await landed(mutation)).toBe(true);
    await ledgerBalances();
    const budget = await database.db.budget.findUniqueOrThrow({ where: { id: world.budgetId } });
    const approvals = burst.filter((m) => m.kind === "approve");
    const fulfilments = burst.filter((m) => m.kind === "fulfil");
    const committed = approvals.reduce((sum, m) => sum + costOf(m.index), 0);
    const spent = fulfilments.reduce((sum, m) => sum + cashFor(m.index), 0);
    expect({ allocated: budget.allocated, committed: budget.committed, spent: budget.spent }).toEqual({
      allocated: ALLOCATION,
      committed,
      spent,
    });

    api.kill("SIGTERM");
    await exited(api);
    console.log(
      `[crash] burst ${burst.length} (${APPROVALS} approvals, ${FULFILMENTS} fulfilments); acknowledged before the kill ` +
        `${acknowledged.length}; committed when killed ${committedAtKill}; in flight ${unanswered.size} (of which landed ${landedUnanswered}); ` +
        `committed ${committed}p, spent ${spent}p, available ${ALLOCATION - committed - spent}p`,
    );
  }, 120_000);
});
