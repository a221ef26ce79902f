// The operations as plain functions over pg, shared by L1 (node:http) and L2 (yoga): each runs
// the hand-written SQL of bench/sql.ts and returns the same JSON shape Pathfinder's API does.
import type pg from "pg";
import * as sql from "../sql.ts";
import { type BenchViewer, rowIdOf } from "./viewer.ts";

const edges = (rows: unknown[]) => ({ edges: rows.map((node) => ({ node })) });

export async function me(pool: pg.Pool, viewer: BenchViewer) {
  const { rows } = await pool.query(sql.meSql, [viewer.authorityId, viewer.id]);
  return rows[0]?.me ?? null;
}

export async function child(pool: pg.Pool, viewer: BenchViewer, id: string) {
  const childId = rowIdOf(id);
  const { rows } = await pool.query(sql.childSql, [viewer.authorityId, childId, viewer.approverAreas]);
  if (!rows[0]) return null;
  await pool.query(sql.auditReadSql, [viewer.authorityId, viewer.id, childId]);
  return rows[0].child;
}

export async function queue(pool: pg.Pool, viewer: BenchViewer, first: number) {
  const { rows } = await pool.query(sql.queueSql, [viewer.authorityId, viewer.id, viewer.approverAreas, first]);
  return edges(rows[0].page);
}

export async function caseload(pool: pg.Pool, viewer: BenchViewer, first: number) {
  const { rows } = await pool.query(sql.caseloadSql, [viewer.authorityId, viewer.id, first]);
  return edges(rows[0].page);
}

export async function balances(pool: pg.Pool, viewer: BenchViewer, first: number) {
  const { rows } = await pool.query(sql.balancesSql, [viewer.authorityId, first]);
  return edges(rows[0].page);
}

export async function spendByCategory(pool: pg.Pool, viewer: BenchViewer, from: string, to: string) {
  const { rows } = await pool.query(sql.spendReportSql, [viewer.authorityId, from, to]);
  return rows[0].report;
}

/** One transaction, like Pathfinder's mutation. Returns the typed result union's member. */
export async function approve(pool: pg.Pool, viewer: BenchViewer, id: string) {
  const requestId = rowIdOf(id);
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query(sql.approveSql.lock, [
      viewer.authorityId,
      requestId,
      viewer.id,
      viewer.approverAreas,
    ]);
    const request = rows[0];
    if (!request) {
      await client.query("ROLLBACK");
      return { __typename: "BenchError", message: "The request is not awaiting your decision." };
    }
    const stepped = await client.query(sql.approveSql.step, [viewer.authorityId, request.step_id]);
    if (stepped.rowCount !== 1) throw new Error("Someone else decided this step just now.");
    await client.query(sql.approveSql.decision, [viewer.authorityId, requestId, request.step_id, viewer.id]);
    await client.query(sql.approveSql.ledger, [
      viewer.authorityId,
      request.budget_id,
      request.total_pence,
      requestId,
      viewer.id,
      request.reference,
    ]);
    await client.query(sql.approveSql.status, [viewer.authorityId, requestId]);
    await client.query(sql.approveSql.history, [viewer.authorityId, requestId, viewer.id]);
    await client.query(sql.approveSql.audit, [viewer.authorityId, viewer.id, requestId, request.reference]);
    await client.query("COMMIT");
    return { __typename: "MutationDecidePurchaseRequestSuccess", data: { id, status: "APPROVED" } };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
