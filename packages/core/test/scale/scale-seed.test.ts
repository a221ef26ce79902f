import pg from "pg";
import { describe, expect, it } from "vitest";
import { seedScale } from "../../src/seed/scale/scale-seed.ts";
import { createTestDatabase, testDatabaseWithSqlClient } from "../support/test-database.ts";

const options = {
  authorities: 3,
  cases: 240,
  seed: 7,
  areas: 3,
  caseload: 20,
  years: 2,
  passwordHash: "not-a-real-hash",
};
// Tables whose rows carry authority_id, and what each row's authority must agree with.
const tenantReferences = [
  ["area", "authority_id", "authority", "id"],
  ["case_record", "area_id", "area", "id"],
  ["case_record", "lead_professional_id", "staff_user", "id"],
  ["purchase_request", "case_id", "case_record", "id"],
  ["purchase_request", "budget_id", "budget", "id"],
  ["ledger_entry", "budget_id", "budget", "id"],
  ["approval_step", "purchase_request_id", "purchase_request", "id"],
  ["purchase_item", "supplier_id", "supplier", "id"],
];

describe("the scale seed", () => {
  const fixture = testDatabaseWithSqlClient();
  const count = async (sql: string) => Number((await fixture.client.query(sql)).rows[0].count);

  it("fills every table in bulk and reports its rate", async () => {
    const result = await seedScale(fixture.database.url, options);
    expect(result.rows.authority).toBe(3);
    expect(result.rows.case_record).toBe(240);
    expect(result.rows.purchase_request).toBeGreaterThan(240);
    expect(result.totalRows).toBe(Object.values(result.rows).reduce((a, b) => a + b, 0));
    expect(result.rowsPerSecond).toBeGreaterThan(0);
    expect(await count("SELECT count(*) FROM case_record")).toBe(240);
  });

  it("covers every lifecycle stage of a request", async () => {
    const statuses = await fixture.client.query("SELECT DISTINCT status::text FROM purchase_request ORDER BY 1");
    expect(statuses.rows.map((row) => row.status)).toEqual(
      [
        "APPROVED",
        "AWAITING_DECISION",
        "CLOSED",
        "DRAFT",
        "FULFILLED",
        "RECONCILED",
        "REJECTED",
        "RETURNED",
        "WITHDRAWN",
      ].sort(),
    );
    expect(await count("SELECT count(*) FROM budget WHERE status = 'CLOSED'")).toBeGreaterThan(0);
  });

  it("keeps every budget's maintained totals equal to its ledger, and none below zero", async () => {
    const mismatched = await count(`
      SELECT count(*) FROM budget b LEFT JOIN (
        SELECT budget_id,
          sum(amount) FILTER (WHERE kind = 'ALLOCATION') AS allocated,
          sum(CASE kind WHEN 'COMMITMENT' THEN amount WHEN 'RELEASE' THEN -amount WHEN 'SPEND' THEN -amount ELSE 0 END) AS committed,
          sum(CASE kind WHEN 'SPEND' THEN amount WHEN 'RETURN' THEN -amount ELSE 0 END) AS spent,
          sum(amount) FILTER (WHERE kind = 'LAPSE') AS lapsed
        FROM ledger_entry GROUP BY budget_id) l ON l.budget_id = b.id
      WHERE b.allocated <> COALESCE(l.allocated, 0) OR b.committed <> COALESCE(l.committed, 0)
         OR b.spent <> COALESCE(l.spent, 0) OR b.lapsed <> COALESCE(l.lapsed, 0)`);
    expect(mismatched).toBe(0);
    expect(await count("SELECT count(*) FROM budget WHERE allocated - committed - spent - lapsed < 0")).toBe(0);
    // Approved money is committed: every committed request has exactly one commitment.
    expect(
      await count(`SELECT count(*) FROM purchase_request pr WHERE status IN ('APPROVED','FULFILLED','RECONCILED','CLOSED')
        AND (SELECT count(*) FROM ledger_entry l WHERE l.purchase_request_id = pr.id AND kind = 'COMMITMENT') <> 1`),
    ).toBe(0);
    // Closed periods lapse what was left.
    expect(
      await count(
        "SELECT count(*) FROM budget WHERE status = 'CLOSED' AND allocated - committed - spent - lapsed <> 0",
      ),
    ).toBe(0);
  });

  it("keeps every row in its own authority", async () => {
    for (const [table, column, parent, key] of tenantReferences) {
      const parentAuthority = parent === "authority" ? "p.id" : "p.authority_id";
      const crossing = await count(
        `SELECT count(*) FROM ${table} t JOIN ${parent} p ON p.${key} = t.${column} WHERE t.authority_id <> ${parentAuthority}`,
      );
      expect(crossing, `${table}.${column}`).toBe(0);
    }
    expect(await count("SELECT count(DISTINCT authority_id) FROM purchase_request")).toBe(3);
    // A request's total is its items' sum.
    expect(
      await count(`SELECT count(*) FROM purchase_request pr WHERE total_pence <>
        (SELECT sum(unit_cost_pence * quantity) FROM purchase_item i WHERE i.purchase_request_id = pr.id)`),
    ).toBe(0);
  });

  it("gives the same data for the same seed, and refuses to seed the same seed twice", async () => {
    const fingerprint = async (url: string) => {
      const other = new pg.Client({ connectionString: url });
      await other.connect();
      try {
        const { rows } = await other.query(
          "SELECT md5(string_agg(id::text || status || total_pence, ',' ORDER BY id)) AS h FROM purchase_request",
        );
        return rows[0].h as string;
      } finally {
        await other.end();
      }
    };
    const second = await createTestDatabase();
    try {
      await seedScale(second.url, { ...options, today: undefined });
      expect(await fingerprint(second.url)).toBe(await fingerprint(fixture.database.url));
    } finally {
      await second.drop();
    }
    await expect(seedScale(fixture.database.url, options)).rejects.toThrow(/duplicate key/);
    expect(await count("SELECT count(*) FROM case_record")).toBe(240);
  });
});
