// What a run needs from the seeded database: sessions for its viewers, and the ids to ask for.
import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import type { Fixture } from "./operations.ts";
import { scale } from "./options.ts";

/** Sessions for the viewers, the pools of ids, and the helper table L0's approvals read. */
export async function buildFixture(url: string): Promise<Fixture> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const s = scale.seed;
    const session = async (email: string) => {
      const token = randomBytes(32).toString("base64url");
      const hash = createHash("sha256").update(token).digest("hex");
      const { rows } = await client.query(
        `INSERT INTO session (authority_id, staff_user_id, token_hash, method, expires_at)
         SELECT authority_id, staff_user_id, $2, 'password', now() + interval '1 day' FROM staff_login WHERE email = $1
         RETURNING staff_user_id`,
        [email, hash],
      );
      return { token, hash, id: rows[0].staff_user_id as string };
    };
    const approver = await session(`approver0.a1.s${s}@scale.example`);
    const lead = await session(`lp0-0.a1.s${s}@scale.example`);
    const budgets = await session(`budgets.a1.s${s}@scale.example`);
    const { rows: authority } = await client.query(
      "SELECT a.id, ar.area_id AS area FROM staff_user u JOIN authority a ON a.id = u.authority_id JOIN role_assignment ar ON ar.authority_id = u.authority_id AND ar.staff_user_id = u.id WHERE u.id = $1 AND ar.role = 'APPROVER'",
      [approver.id],
    );
    const { rows: children } = await client.query(
      `SELECT cc.child_id FROM case_child cc JOIN case_record cr ON cr.id = cc.case_id
       WHERE cr.authority_id = $1 AND cr.area_id = $2 ORDER BY cc.child_id LIMIT 5000`,
      [authority[0].id, authority[0].area],
    );
    await client.query("DROP TABLE IF EXISTS bench_child");
    await client.query("CREATE TABLE bench_child (n int PRIMARY KEY, id uuid NOT NULL)");
    await client.query("INSERT INTO bench_child SELECT n, id FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n)", [
      children.map((row) => row.child_id),
    ]);
    // Every approver gets a session; every awaiting request is decided by its area's approver.
    await client.query("DROP TABLE IF EXISTS bench_awaiting");
    const approvers = await client.query(
      `SELECT u.id, u.email, ra.area_id FROM staff_user u JOIN role_assignment ra ON ra.staff_user_id = u.id
       WHERE ra.role = 'APPROVER' AND u.email LIKE '%.s${s}@scale.example'`,
    );
    const tokenOf = new Map<string, { token: string; hash: string; id: string }>();
    for (const row of approvers.rows) tokenOf.set(row.area_id, await session(row.email));
    const { rows: awaiting } = await client.query(
      `SELECT pr.id, pr.authority_id, cr.area_id FROM purchase_request pr JOIN case_record cr ON cr.id = pr.case_id
       WHERE pr.status = 'AWAITING_DECISION' ORDER BY md5(pr.id::text)`,
    );
    // L0 approves (and rolls back) requests the HTTP layers never decide: the last quarter.
    const reserved = awaiting.splice(awaiting.length - Math.min(500, Math.floor(awaiting.length / 4)));
    await client.query(
      "CREATE TABLE bench_awaiting (n int PRIMARY KEY, authority_id uuid, request_id uuid, approver_id uuid, areas text, token_hash text)",
    );
    await client.query(
      `INSERT INTO bench_awaiting SELECT n, a, r, v, '{' || ar || '}', h
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[]) WITH ORDINALITY AS t(a, r, v, ar, h, n)`,
      [
        reserved.map((row) => row.authority_id),
        reserved.map((row) => row.id),
        reserved.map((row) => tokenOf.get(row.area_id)?.id),
        reserved.map((row) => row.area_id),
        reserved.map((row) => tokenOf.get(row.area_id)?.hash),
      ],
    );
    const now = new Date();
    return {
      seed: s,
      authorityId: authority[0].id,
      approverAreas: `{${authority[0].area}}`,
      tokens: { approver: approver.token, lead: lead.token, budgets: budgets.token },
      tokenHashes: { approver: approver.hash, lead: lead.hash, budgets: budgets.hash },
      viewerIds: { approver: approver.id, lead: lead.id, budgets: budgets.id },
      childIds: children.map((row) => row.child_id),
      reservedForL0: reserved.length,
      awaiting: awaiting.map((row) => ({
        id: Buffer.from(`PurchaseRequest:${row.id}`).toString("base64"),
        token: tokenOf.get(row.area_id)?.token as string,
      })),
      year: (now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1) - 1,
    };
  } finally {
    await client.end();
  }
}
