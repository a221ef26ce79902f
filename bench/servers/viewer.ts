// Authentication for L1 and L2: the same session lookup Pathfinder does, in one statement.
import { createHash } from "node:crypto";
import type pg from "pg";
import { sessionSql } from "../sql.ts";

export interface BenchViewer {
  id: string;
  authorityId: string;
  approverAreas: string[];
}

export async function viewerOf(pool: pg.Pool, authorization: string | undefined): Promise<BenchViewer | null> {
  const token = authorization?.startsWith("Bearer ") ? authorization.slice(7) : null;
  if (!token) return null;
  const hash = createHash("sha256").update(token).digest("hex");
  const { rows } = await pool.query(sessionSql, [hash]);
  return rows[0] ?? null;
}

/** A relay global ID ("Type:uuid", base64) to its row id, like Pathfinder's. */
export const rowIdOf = (globalId: string) => Buffer.from(globalId, "base64").toString("utf8").split(":")[1] ?? "";
