// The planner must know that a reference column decides the authority (migration 0100): without
// that, it divides every tenant lookup's rows by the number of authorities and picks plans that
// read thousands of buffers for a page of cases (bench/README.md, "Planner statistics").
import { describe, expect, it } from "vitest";
import { seedScale } from "../../src/seed/scale/scale-seed.ts";
import { testDatabaseWithSqlClient } from "../support/test-database.ts";

describe("the planner's estimates for one authority's rows", () => {
  const fixture = testDatabaseWithSqlClient();

  it("has dependency statistics over authority_id and every tenant foreign key's columns, plugins' tables included", async () => {
    const { rows: keys } = await fixture.client.query<{ table: string; columns: string[] }>(`
      SELECT c.conrelid::regclass::text AS table,
             array_agg(a.attname::text ORDER BY k.ord) AS columns
      FROM pg_constraint c
      CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
      WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
      GROUP BY c.oid, c.conrelid`);
    const { rows: statistics } = await fixture.client.query<{ table: string; columns: string[] }>(`
      SELECT s.stxrelid::regclass::text AS table, array_agg(a.attname::text) AS columns
      FROM pg_statistic_ext s
      CROSS JOIN LATERAL unnest(s.stxkeys) AS k(attnum)
      JOIN pg_attribute a ON a.attrelid = s.stxrelid AND a.attnum = k.attnum
      WHERE 'f' = ANY (s.stxkind)
      GROUP BY s.oid, s.stxrelid`);
    const tenantKeys = keys.filter((key) => key.columns[0] === "authority_id" && key.columns.length > 1);
    expect(tenantKeys.length).toBeGreaterThan(40);
    const uncovered = tenantKeys
      .filter(
        (key) =>
          !statistics.some(
            (statistic) =>
              statistic.table === key.table && key.columns.every((column) => statistic.columns.includes(column)),
          ),
      )
      .map((key) => `${key.table} (${key.columns.join(", ")})`);
    expect(uncovered).toEqual([]);
  });

  it("expects a lead professional's cases to number about what they are, however many authorities there are", async () => {
    // Six authorities: without the statistics the planner expects a sixth of the rows.
    await seedScale(fixture.database.url, {
      authorities: 6,
      cases: 720,
      seed: 3,
      areas: 2,
      caseload: 20,
      years: 1,
      passwordHash: "not-a-real-hash",
    });
    const { rows } = await fixture.client.query(
      `SELECT authority_id, lead_professional_id, count(*)::int AS cases FROM case_record
       WHERE lead_professional_id IS NOT NULL GROUP BY 1, 2 ORDER BY 3 DESC, 2 LIMIT 1`,
    );
    const { authority_id: authority, lead_professional_id: lead, cases } = rows[0];
    const { rows: plan } = await fixture.client.query(
      `EXPLAIN (FORMAT JSON) SELECT * FROM case_record WHERE authority_id = '${authority}' AND lead_professional_id = '${lead}'`,
    );
    const estimated = plan[0]["QUERY PLAN"][0].Plan["Plan Rows"] as number;
    expect(cases).toBeGreaterThanOrEqual(15);
    expect(estimated).toBeGreaterThanOrEqual(cases / 2);
    expect(estimated).toBeLessThanOrEqual(cases * 2);
  });
});
