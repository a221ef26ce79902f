// EXPLAIN (ANALYZE, BUFFERS) of each read operation: the hand-written SQL (L0/L1/L2) against the
// statements Pathfinder (L3) actually sent for the same request, captured on its counting pool.
// Everything runs in a transaction that is rolled back (a child's read writes an audit row).
import pg from "pg";
import { STATEMENT_SEPARATOR } from "../packages/core/src/db/begin-with-first-statement.ts";
import type { Fixture } from "./operations.ts";
import { bodyOf, operations } from "./operations.ts";
import type { ServerStats } from "./servers/server-stats.ts";
import * as sql from "./sql.ts";

interface Plan {
  "Execution Time": number;
  Plan: { "Shared Hit Blocks"?: number; "Shared Read Blocks"?: number };
}

/**
 * Runs before measuring, per statement. A pooled connection has run each statement many times
 * before: PL/pgSQL plans the queries inside a function (begin_request) afresh for its first five
 * calls in a session and only then keeps a generic plan, so one warming call left L3's first
 * statement timed with its planning (0.35-0.56 ms against ~0.07 once cached, 2026-11-25).
 */
const WARMING_RUNS = 8;
/** EXPLAINs per statement; the median is reported (one EXPLAIN's time moved by 2-3×). */
const EXPLAIN_RUNS = 5;

async function explainOne(client: pg.Client, text: string, values: unknown[]) {
  for (let run = 0; run < WARMING_RUNS; run++) await client.query(text, values);
  const runs: { ms: number; hit: number; read: number }[] = [];
  for (let run = 0; run < EXPLAIN_RUNS; run++) {
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${text}`, values);
    const plan = (rows[0]["QUERY PLAN"] as Plan[])[0] as Plan;
    runs.push({
      ms: plan["Execution Time"],
      hit: plan.Plan["Shared Hit Blocks"] ?? 0,
      read: plan.Plan["Shared Read Blocks"] ?? 0,
    });
  }
  return runs.sort((a, b) => a.ms - b.ms)[Math.floor(EXPLAIN_RUNS / 2)] as (typeof runs)[number];
}

async function explain(client: pg.Client, statements: { text: string; values: unknown[] }[]) {
  let ms = 0;
  let hit = 0;
  let read = 0;
  await client.query("BEGIN");
  try {
    // Pathfinder sends BEGIN in one message with the statement after it: EXPLAIN each part.
    const parts = statements.flatMap(({ text, values }) =>
      text.split(STATEMENT_SEPARATOR).map((part) => ({ text: part, values })),
    );
    for (const { text, values } of parts) {
      if (/^\s*(BEGIN|COMMIT|ROLLBACK|SET|SAVEPOINT|RELEASE|SELECT set_config)/i.test(text)) continue;
      const median = await explainOne(client, text, values);
      ms += median.ms;
      hit += median.hit;
      read += median.read;
    }
  } finally {
    await client.query("ROLLBACK");
  }
  return { ms, buffers: `${hit}/${read}` };
}

export async function explainAll(url: string, fixture: Fixture, l3: { url: string }, selected = operations) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const from = `${fixture.year}-04-01`;
  const to = `${fixture.year + 1}-03-31`;
  const childId = fixture.childIds[0] as string;
  const session = (who: keyof Fixture["tokenHashes"]) => ({ text: sql.sessionSql, values: [fixture.tokenHashes[who]] });
  const handWritten: Record<string, { text: string; values: unknown[] }[]> = {
    Me: [session("approver"), { text: sql.meSql, values: [fixture.authorityId, fixture.viewerIds.approver] }],
    Child: [
      session("approver"),
      { text: sql.childSql, values: [fixture.authorityId, childId, fixture.approverAreas] },
      { text: sql.auditReadSql, values: [fixture.authorityId, fixture.viewerIds.approver, childId] },
    ],
    Queue: [
      session("approver"),
      { text: sql.queueSql, values: [fixture.authorityId, fixture.viewerIds.approver, fixture.approverAreas, 50] },
    ],
    Caseload: [session("lead"), { text: sql.caseloadSql, values: [fixture.authorityId, fixture.viewerIds.lead, 50] }],
    Balances: [session("budgets"), { text: sql.balancesSql, values: [fixture.authorityId, 50] }],
    Spend: [session("budgets"), { text: sql.spendReportSql, values: [fixture.authorityId, from, to] }],
  };
  const results: { operation: string; l0Ms: number; l3Ms: number; l0Buffers: string; l3Buffers: string }[] = [];
  try {
    for (const operation of selected.filter((o) => !o.write)) {
      const l0 = await explain(client, handWritten[operation.operationName] ?? []);
      let emitted = { ms: Number.NaN, buffers: "–" };
      if (operation.inL3) {
        await fetch(`${l3.url}/__stats`, { method: "POST" });
        await fetch(`${l3.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${operation.token(fixture)}` },
          body: bodyOf(operation, {
            ...operation.variables(fixture, 0),
            ...(operation.operationName === "Child" ? { id: Buffer.from(`Child:${childId}`).toString("base64") } : {}),
          }),
        });
        const stats = (await (await fetch(`${l3.url}/__stats`)).json()) as ServerStats;
        emitted = await explain(client, stats.recent.slice(-stats.roundTrips));
      }
      results.push({
        operation: operation.name,
        l0Ms: l0.ms,
        l3Ms: emitted.ms,
        l0Buffers: l0.buffers,
        l3Buffers: emitted.buffers,
      });
    }
  } finally {
    await client.end();
  }
  return results;
}
