// Every report's figures, exactly, over a known data set (test/reports/support/report-world.ts),
// including the edges of months and periods in UK time and each permission scope.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { report, table } from "./support/report-api.ts";
import { globalId, PASSWORD, seedOutlierWorld, seedReportWorld } from "./support/report-world.ts";

let database: TestDatabase;
let api: ReturnType<typeof createTestApi>;
let world: Awaited<ReturnType<typeof seedReportWorld>>;
const tokens: Record<string, string> = {};
const as = (who: string) => tokens[who] as string;

beforeAll(async () => {
  database = await createTestDatabase();
  api = createTestApi(database.db);
  world = await seedReportWorld(database.db);
  await seedOutlierWorld(database.db);
  for (const who of ["lp", "lp2", "approver", "overseer-south", "budgets", "finance", "admin", "norole"])
    tokens[who] = await api.signIn(`${who}@alpha.test`, PASSWORD);
  tokens.betaAdmin = await api.signIn("admin@beta.test", PASSWORD);
  tokens.gammaAdmin = await api.signIn("admin@gamma.test", PASSWORD);
});
afterAll(() => database?.drop());

describe("spend and requests", () => {
  it("by category counts each request once per category it buys in, and only what was granted as spend", async () => {
    expect(await table(api, as("admin"), "spendByCategory")).toEqual([
      ["CHILDCARE", 1, 1, 10_000],
      ["TRANSPORT", 3, 2, 650],
      ["COUNSELLING_OR_TRADED_SERVICE", 1, 1, 100_000],
      ["DOMESTIC_EQUIPMENT", 1, 0, 0],
      ["CLOTHING_AND_UNIFORM", 1, 0, 0],
    ]);
  });

  it("by area, with drafts left out and withdrawn and undecided requests counted as submitted", async () => {
    expect(await table(api, as("admin"), "spendByArea")).toEqual([
      ["North", 5, 2, 10_150],
      ["South", 1, 1, 100_500],
    ]);
  });

  it("by month in UK time: 23:59 on 31 January is January's, midnight on 1 February February's, 23:30 UTC on 31 March (BST) April's", async () => {
    expect(await table(api, as("admin"), "spendByMonth")).toEqual([
      ["2026-01", 1, 1, 10_000],
      ["2026-02", 4, 2, 100_650],
      ["2026-04", 1, 0, 0],
    ]);
  });

  it("a period's first and last days are both counted, and nothing beyond them", async () => {
    expect(await table(api, as("admin"), "spendByMonth", { from: "2026-02-01", to: "2026-03-31" })).toEqual([
      ["2026-02", 4, 2, 100_650],
    ]);
    expect(await table(api, as("admin"), "spendByMonth", { to: "2026-01-31" })).toEqual([["2026-01", 1, 1, 10_000]]);
    expect(await table(api, as("admin"), "spendByMonth", { from: "2026-04-01" })).toEqual([["2026-04", 1, 0, 0]]);
    expect(await table(api, as("admin"), "spendByMonth", { from: "2026-01-31", to: "2026-02-01" })).toEqual([
      ["2026-01", 1, 1, 10_000],
      ["2026-02", 1, 1, 150],
    ]);
  });

  it("filters by scheme, area, route and category", async () => {
    expect(await table(api, as("admin"), "spendByArea", { scheme: "leeds" })).toEqual([["South", 1, 1, 100_500]]);
    expect(
      await table(api, as("admin"), "spendByArea", { areaIds: [globalId("Area", world.alpha.area("North"))] }),
    ).toEqual([["North", 5, 2, 10_150]]);
    expect(await table(api, as("admin"), "spendByArea", { route: "CASH" })).toEqual([["North", 3, 1, 150]]);
    expect(await table(api, as("admin"), "spendByArea", { category: "TRANSPORT" })).toEqual([
      ["North", 2, 1, 150],
      ["South", 1, 1, 100_500],
    ]);
    expect(await table(api, as("admin"), "spendByCategory", { category: "TRANSPORT" })).toEqual([
      ["TRANSPORT", 3, 2, 650],
    ]);
  });
});

describe("who was helped", () => {
  it("children, families (a household, or the case where none is recorded) and cases with a grant", async () => {
    expect(await table(api, as("admin"), "childrenAndFamilies")).toEqual([[3, 2, 2]]);
    expect(await table(api, as("admin"), "childrenAndFamilies", { scheme: "leeds" })).toEqual([[1, 1, 1]]);
    expect(await table(api, as("lp2"), "childrenAndFamilies")).toEqual([[1, 1, 1]]);
  });

  it("repeat requests: cases by the number of requests submitted for them, every band listed", async () => {
    expect(await table(api, as("admin"), "repeatRequests")).toEqual([
      ["1", 1, 1],
      ["2", 1, 2],
      ["3", 1, 3],
      ["4 or more", 0, 0],
    ]);
  });
});

describe("amounts and decisions", () => {
  it("distribution of amounts granted: a bus fare under £10, exactly £100 in the £100 band, £1,005 in the top band", async () => {
    expect(await table(api, as("admin"), "amountDistribution")).toEqual([
      ["Under £10", 0, 1_000, 1, 150],
      ["£10 to £49.99", 1_000, 5_000, 0, 0],
      ["£50 to £99.99", 5_000, 10_000, 0, 0],
      ["£100 to £249.99", 10_000, 25_000, 1, 10_000],
      ["£250 to £499.99", 25_000, 50_000, 0, 0],
      ["£500 to £999.99", 50_000, 100_000, 0, 0],
      ["£1,000 and over", 100_000, null, 1, 100_500],
    ]);
  });

  it("time to decision (2 h, 4 h, 10 h, 24 h): median 7 h, 90th percentile 19.8 h; three of four approved", async () => {
    expect(await table(api, as("admin"), "decisionTimes")).toEqual([[4, 3, 1, 0.75, 25_200, 71_280]]);
  });

  it("with nothing decided, the rate and times are empty rather than zero", async () => {
    expect(await table(api, as("admin"), "decisionTimes", { from: "2026-05-01" })).toEqual([
      [0, 0, 0, null, null, null],
    ]);
  });
});

describe("outcomes, matched funding and unmet needs", () => {
  it("Every Child Matters outcomes intended on grants against those achieved at review", async () => {
    expect(await table(api, as("admin"), "ecmOutcomes")).toEqual([
      ["BE_HEALTHY", 1, 1, 1],
      ["STAY_SAFE", 1, 1, 0],
      ["ENJOY_AND_ACHIEVE", 1, 0, 0],
      ["MAKE_A_POSITIVE_CONTRIBUTION", 1, 0, 0],
      ["ACHIEVE_ECONOMIC_WELLBEING", 0, 0, 0],
    ]);
  });

  it("matched funding per area", async () => {
    expect(await table(api, as("admin"), "matchedFunding")).toEqual([
      ["North", 2, 1, 1_000, 10_150],
      ["South", 1, 1, 5_000, 100_500],
    ]);
  });

  it("unmet needs by area and category, by the day recorded: 23:59 on 28 February is February's", async () => {
    expect(await table(api, as("admin"), "unmetNeeds")).toEqual([
      ["North", "CHILDCARE", 1, 1, 2_000],
      ["North", "HOUSING_SET_UP", 1, 1, 50_000],
      ["South", "HOUSING_SET_UP", 1, 0, 0],
    ]);
    expect(await table(api, as("admin"), "unmetNeeds", { to: "2026-02-28" })).toEqual([
      ["North", "HOUSING_SET_UP", 1, 1, 50_000],
    ]);
    expect(await table(api, as("admin"), "unmetNeeds", { from: "2026-03-01", category: "HOUSING_SET_UP" })).toEqual([
      ["South", "HOUSING_SET_UP", 1, 0, 0],
    ]);
  });
});

describe("budget burn-down", () => {
  it("month by month against a steady spend over the 120-day period, in UK time", async () => {
    expect(await table(api, as("budgets"), "budgetBurnDown")).toEqual([
      // A commitment at 01:59 on 1 February is February's; a return at 23:59:59 BST on 31 March is March's.
      ["North fund", "North", "2026-01", 120_000, 0, 0, 0, 120_000, 89_000],
      ["North fund", "North", "2026-02", 120_000, 0, 10_150, 0, 109_850, 61_000],
      ["North fund", "North", "2026-03", 120_000, 0, 10_100, 0, 109_900, 30_000],
      ["North fund", "North", "2026-04", 120_000, 0, 10_100, 0, 109_900, 0],
      ["South fund", "South", "2026-01", 200_000, 0, 0, 0, 200_000, 148_333],
      ["South fund", "South", "2026-02", 200_000, 100_500, 0, 0, 99_500, 101_667],
      ["South fund", "South", "2026-03", 200_000, 100_500, 0, 0, 99_500, 50_000],
      ["South fund", "South", "2026-04", 200_000, 100_500, 0, 0, 99_500, 0],
    ]);
  });

  it("only the months that overlap the period asked for, and only the scheme asked for", async () => {
    const rows = await table(api, as("budgets"), "budgetBurnDown", {
      from: "2026-02-28",
      to: "2026-03-01",
      scheme: "core",
    });
    expect(rows.map((row) => [row[0], row[2]])).toEqual([
      ["North fund", "2026-02"],
      ["North fund", "2026-03"],
    ]);
  });
});

describe("the overseer's view of an area", () => {
  it("trends per area and month", async () => {
    expect(await table(api, as("admin"), "areaMonthlyTrends")).toEqual([
      ["North", "2026-01", 1, 1, 10_000, 10_000],
      ["North", "2026-02", 3, 1, 150, 150],
      ["North", "2026-04", 1, 0, 0, null],
      ["South", "2026-02", 1, 1, 100_500, 100_500],
    ]);
  });

  it("outliers: grants of three times the area's median or more (exactly three times included); areas with under five grants have none", async () => {
    expect(await table(api, as("gammaAdmin"), "outliers")).toEqual([
      ["North", "G5", "2026-03-05", 6_000, 1_500, 4],
      ["North", "G4", "2026-03-04", 4_500, 1_500, 3],
    ]);
    expect(await table(api, as("admin"), "outliers")).toEqual([]);
  });

  it("a steering group sees its own area only", async () => {
    expect(await table(api, as("overseer-south"), "areaMonthlyTrends")).toEqual([
      ["South", "2026-02", 1, 1, 100_500, 100_500],
    ]);
  });
});

describe("who sees what", () => {
  it("another authority's rows never count, and it sees only its own", async () => {
    expect(await table(api, as("betaAdmin"), "spendByCategory")).toEqual([["CHILDCARE", 1, 1, 77_700]]);
    expect(await table(api, as("betaAdmin"), "unmetNeeds")).toEqual([["North", "CHILDCARE", 1, 1, 1_000]]);
    // Asking for another authority's area by id finds nothing.
    expect(
      await table(api, as("betaAdmin"), "spendByArea", { areaIds: [globalId("Area", world.alpha.area("North"))] }),
    ).toEqual([]);
  });

  it("finance and budget managers see the whole authority", async () => {
    for (const who of ["finance", "budgets"])
      expect(await table(api, as(who), "spendByArea")).toEqual([
        ["North", 5, 2, 10_150],
        ["South", 1, 1, 100_500],
      ]);
  });

  it("an overseer or co-ordinator sees the areas they hold", async () => {
    expect(await table(api, as("overseer-south"), "spendByArea")).toEqual([["South", 1, 1, 100_500]]);
    expect(await table(api, as("approver"), "spendByArea")).toEqual([["North", 5, 2, 10_150]]);
    expect(await table(api, as("overseer-south"), "budgetBurnDown")).toHaveLength(4);
  });

  it("a lead professional sees the cases they lead, wherever they are, and no more", async () => {
    expect(await table(api, as("lp"), "spendByArea")).toEqual([["North", 3, 2, 10_150]]);
    expect(await table(api, as("lp2"), "spendByArea")).toEqual([
      ["North", 2, 0, 0],
      ["South", 1, 1, 100_500],
    ]);
    // Naming an area does not widen their reach.
    expect(
      await table(api, as("lp"), "spendByArea", { areaIds: [globalId("Area", world.alpha.area("South"))] }),
    ).toEqual([]);
  });

  it("area-wide reports are refused to a lead professional", async () => {
    for (const name of ["budgetBurnDown", "areaMonthlyTrends", "outliers"])
      expect(await report(api, as("lp"), name)).toEqual({ errors: ["NOT_AUTHORISED"] });
  });

  it("someone with no role that reads figures is refused, and so is anyone not signed in", async () => {
    expect(await report(api, as("norole"), "spendByArea")).toEqual({ errors: ["NOT_AUTHORISED"] });
    expect((await report(api, undefined, "spendByArea")).errors).toHaveLength(1);
  });
});
