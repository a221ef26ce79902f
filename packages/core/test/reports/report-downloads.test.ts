// The CSV download of every report table: the same figures and permissions as GraphQL, streamed.
import { stringify } from "csv-stringify/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPORTS } from "../../src/reports/report-catalogue.ts";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { globalId, PASSWORD, seedReportWorld } from "./support/report-world.ts";

let database: TestDatabase;
let api: ReturnType<typeof createTestApi>;
let world: Awaited<ReturnType<typeof seedReportWorld>>;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  api = createTestApi(database.db, { databaseUrl: database.appUrl });
  world = await seedReportWorld(database.db);
  for (const who of ["lp", "admin", "norole", "overseer-south"])
    tokens[who] = await api.signIn(`${who}@alpha.test`, PASSWORD);
  tokens.beta = await api.signIn("admin@beta.test", PASSWORD);
});
afterAll(async () => {
  await api?.close();
  await database?.drop();
});

const download = (path: string, who?: string) =>
  api.request(path, { headers: who ? { authorization: `Bearer ${tokens[who]}` } : {} });

describe("CSV downloads", () => {
  it("a report's table, with its headers in words and money in pence", async () => {
    const response = await download("/reports/spend-by-area.csv", "admin");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="spend-by-area.csv"');
    expect(await response.text()).toBe(
      "Area,Requests submitted,Requests granted,Spend granted (pence)\nNorth,5,2,10150\nSouth,1,1,100500\n",
    );
  });

  it("takes the same filters as GraphQL, including areas by id and the edges of the period", async () => {
    const south = globalId("Area", world.alpha.area("South"));
    expect(await (await download("/reports/spend-by-area.csv?route=CASH", "admin")).text()).toBe(
      "Area,Requests submitted,Requests granted,Spend granted (pence)\nNorth,3,1,150\n",
    );
    expect(await (await download(`/reports/spend-by-area.csv?area=${encodeURIComponent(south)}`, "admin")).text()).toBe(
      "Area,Requests submitted,Requests granted,Spend granted (pence)\nSouth,1,1,100500\n",
    );
    expect(await (await download("/reports/spend-by-month.csv?from=2026-01-31&to=2026-02-01", "admin")).text()).toBe(
      "Month,Requests submitted,Requests granted,Spend granted (pence)\n2026-01,1,1,10000\n2026-02,1,1,150\n",
    );
  });

  it("every report downloads, with a header row naming each of its columns", async () => {
    for (const report of REPORTS) {
      const response = await download(`/reports/${report.slug}.csv`, "admin");
      expect(response.status, report.slug).toBe(200);
      const [header] = (await response.text()).split("\n");
      expect(`${header}\n`).toBe(stringify([report.columns.map((column) => column.header)]));
    }
  });

  it("every submitted request, one row each, in UK dates (drafts left out)", async () => {
    expect(await (await download("/reports/requests.csv", "admin")).text()).toBe(
      [
        "Request,Area,Scheme,Route,Status,Submitted on,Decided on,Categories,Amount (pence),Matched funding (pence)",
        "R1,North,core,SUPPLIER_ORDER,CLOSED,2026-01-31,2026-02-01,CHILDCARE,10000,1000",
        "R2,North,core,CASH,FULFILLED,2026-02-01,2026-02-01,TRANSPORT,150,0",
        "R7,North,core,SUPPLIER_ORDER,WITHDRAWN,2026-02-10,,CLOTHING_AND_UNIFORM,3000,0",
        "R4,South,leeds,SUPPLIER_ORDER,APPROVED,2026-02-15,2026-02-16,COUNSELLING_OR_TRADED_SERVICE; TRANSPORT,100500,5000",
        "R5,North,core,CASH,AWAITING_DECISION,2026-02-20,,TRANSPORT,2000,0",
        "R3,North,core,CASH,REJECTED,2026-04-01,2026-04-01,DOMESTIC_EQUIPMENT,60000,0",
        "",
      ].join("\n"),
    );
    expect(await (await download("/reports/requests.csv", "lp")).text()).not.toContain("R4");
  });

  it("empty figures are empty cells", async () => {
    expect(await (await download("/reports/decision-times.csv?from=2026-05-01", "admin")).text()).toBe(
      "Requests decided,Approved,Rejected,Approval rate,Median time to decision (seconds),90th percentile time to decision (seconds)\n0,0,0,,,\n",
    );
  });

  it("is fenced and scoped like GraphQL: another authority, a steering group's area, a lead professional's cases", async () => {
    expect(await (await download("/reports/spend-by-category.csv", "beta")).text()).toBe(
      "Category,Requests submitted,Requests granted,Spend granted (pence)\nCHILDCARE,1,1,77700\n",
    );
    expect(await (await download("/reports/spend-by-area.csv", "overseer-south")).text()).toBe(
      "Area,Requests submitted,Requests granted,Spend granted (pence)\nSouth,1,1,100500\n",
    );
    expect(await (await download("/reports/spend-by-area.csv", "lp")).text()).toBe(
      "Area,Requests submitted,Requests granted,Spend granted (pence)\nNorth,3,2,10150\n",
    );
  });

  it("refuses with a clear status: not signed in, no role for reports, an area-wide report for a lead professional", async () => {
    expect((await download("/reports/spend-by-area.csv")).status).toBe(401);
    const refused = await download("/reports/spend-by-area.csv", "norole");
    expect(refused.status).toBe(403);
    expect(await refused.text()).toBe("Your role does not include reading reports.");
    expect((await download("/reports/budget-burn-down.csv", "lp")).status).toBe(403);
    expect((await download("/reports/evaluation.csv", "lp")).status).toBe(403);
  });

  it("says what is wrong with a filter, and which reports do not exist", async () => {
    const bad = await download("/reports/spend-by-area.csv?from=31/01/2026&category=SWEETS", "admin");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/^This report's filters are not right: from: .*; category: /);
    expect((await download("/reports/everything.csv", "admin")).status).toBe(404);
    expect((await api.request("/reports/spend-by-area.csv", { method: "POST" })).status).toBe(405);
  });
});

describe("CSV downloads when the database drops their connection", () => {
  it("carry on with a new connection, and the server does not stop", async () => {
    const first = await download("/reports/spend-by-area.csv", "admin");
    expect(first.status).toBe(200);
    await first.text();
    // The download's connection now waits idle in its pool: the server ends it, as a restart,
    // a failover or an idle timeout would.
    const ended = await database.db.$queryRawUnsafe<unknown[]>(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()
       AND usename = 'pathfinder_app' AND state = 'idle' AND query NOT LIKE '%begin_request%'`,
    );
    expect(ended.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const again = await download("/reports/spend-by-area.csv", "admin");
    expect(again.status).toBe(200);
    expect(await again.text()).toContain("North,5,2,10150");
  });
});
