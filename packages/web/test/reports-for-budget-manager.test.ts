// Derbyshire's budget manager reads the reports: the figures on the page are the API's for the
// same filter, a filter narrows them, and each table downloads as CSV through the portal.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, onTestFailed, test } from "vitest";
import { checkPage, screenshotFailure, settled, signIn, WAIT } from "./support/journey.ts";
import { type PortalStack, startPortalStack } from "./support/portal-stack.ts";

let stack: PortalStack;
let page: Page;

beforeAll(async () => {
  stack = await startPortalStack();
  page = await stack.newPage();
  await grantOneRequest();
});
afterAll(async () => stack?.stop());

const londonDay = (offsetDays = 0) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );
const pounds = (pence: number) =>
  new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" }).format(pence / 100);

/**
 * A GraphQL call as the person signed in on `on` (the session cookie is the host's, whatever the
 * port), to the set-up API: the portal's own API runs only the portal's documents.
 */
async function graphql(on: Page, query: string, variables: Record<string, unknown> = {}) {
  const response = await on.request.post(`${inject("setupApiUrl")}/graphql`, {
    data: { query, variables },
    headers: { "content-type": "application/json", "x-pathfinder-csrf": "1" },
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** The spend the API reports for a filter, summed over its months. */
async function apiSpend(on: Page, filter: Record<string, unknown>) {
  const data = await graphql(
    on,
    "query ($filter: ReportFilter) { reports(filter: $filter) { spendByMonth { spend } } }",
    {
      filter,
    },
  );
  return (data.reports.spendByMonth as { spend: number }[]).reduce((sum, row) => sum + row.spend, 0);
}

/** A lead practitioner in Glossop asks for £123.45 of domestic equipment and the area's decision advisor approves. */
async function grantOneRequest() {
  const lead = await stack.newPage();
  await signIn(lead, stack.baseUrl, "lp@derbyshire.example");
  const found = await graphql(
    lead,
    `{ cases(first: 20) { edges { node { id reference } } }
       budgets(first: 20) { edges { node { id name area { name } } } } }`,
  );
  const caseId = found.cases.edges.find((edge: any) => edge.node.reference === "DBY-0001").node.id;
  const budgetId = found.budgets.edges.find((edge: any) => edge.node.area?.name === "Glossop").node.id;
  const created = await graphql(
    lead,
    `mutation ($input: CreatePurchaseRequestInput!) { createPurchaseRequest(input: $input) {
       __typename ... on Error { message } ... on MutationCreatePurchaseRequestSuccess { data { id } } } }`,
    {
      input: {
        caseId,
        budgetId,
        route: "CASH",
        intendedOutcomes: "Reece sleeps in his own room.",
        ecmOutcomes: ["STAY_SAFE"],
        otherFundingExplanation: "No grant covers a bed in time.",
        items: [{ category: "DOMESTIC_EQUIPMENT", description: "Single bed", unitCost: 12_345 }],
        extensions: {
          derbyshire: { tacMeeting: { heldOn: londonDay(-7), attendees: ["The family", "The lead practitioner"] } },
        },
      },
    },
  );
  const id = created.createPurchaseRequest.data?.id;
  expect(id, JSON.stringify(created)).toBeTruthy();
  const submitted = await graphql(
    lead,
    `mutation ($id: ID!) { submitPurchaseRequest(id: $id) { __typename ... on Error { message }
       ... on MutationSubmitPurchaseRequestSuccess { data { status } } } }`,
    { id },
  );
  expect(submitted.submitPurchaseRequest.data?.status, JSON.stringify(submitted)).toBe("AWAITING_DECISION");
  await lead.context().close();

  const advisor = await stack.newPage();
  await signIn(advisor, stack.baseUrl, "advisor-glossop@derbyshire.example");
  const decided = await graphql(
    advisor,
    `mutation ($id: ID!) { decidePurchaseRequest(id: $id, decision: APPROVE) { __typename ... on Error { message }
       ... on MutationDecidePurchaseRequestSuccess { data { status } } } }`,
    { id },
  );
  expect(decided.decidePurchaseRequest.data?.status, JSON.stringify(decided)).toBe("APPROVED");
  await advisor.context().close();
}

test("the budget manager's reports show the API's figures, narrow with a filter and download as CSV", async () => {
  onTestFailed(() => screenshotFailure(page, "reports"));

  await signIn(page, stack.baseUrl, "budgets@derbyshire.example");
  await page.getByRole("link", { name: "Reports", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Reports" }).waitFor();
  await settled(page);

  // Unfiltered: the total on the page is the sum of the API's months, and it holds the grant.
  const everything = await apiSpend(page, {});
  expect(everything).toBeGreaterThanOrEqual(12_345);
  await expect.poll(() => page.getByTestId("total-spend").innerText(), WAIT).toBe(pounds(everything));
  const month = londonDay().slice(0, 7);
  const monthRow = page.getByRole("table", { name: "Spend and requests by month" }).getByRole("row", { name: month });
  await expect.poll(() => monthRow.innerText(), WAIT).toContain(pounds(everything));
  const categoryTable = page.getByRole("table", { name: "Spend and requests by kind of help" });
  await expect.poll(() => categoryTable.innerText(), WAIT).toContain("Domestic equipment");
  expect(await page.getByTestId("report-chart").count()).toBeGreaterThanOrEqual(3);
  expect(await page.locator("[data-testid=report-chart] .recharts-bar-rectangle").count()).toBeGreaterThan(0);
  // Matched funding and repeat requests count the granted request; the burn-down shows this month's spend.
  const matched = page.getByRole("table", { name: "Money others put in beside the fund's, per area" });
  await expect.poll(() => matched.innerText(), WAIT).toContain("Glossop");
  const repeats = page.getByRole("table", { name: "Cases by how many requests were made for them" });
  await expect.poll(() => repeats.innerText(), WAIT).toMatch(/\d/);
  const burnDown = page.getByRole("table", { name: "Each budget, month by month" }).getByRole("row", { name: month });
  expect(await burnDown.count()).toBeGreaterThan(0);
  await checkPage(page, "reports-budget-manager");

  // Narrowed to Swadlincote and transport: nothing granted there, on the page as in the API.
  await page.getByLabel("Area").selectOption({ label: "Swadlincote" });
  await page.getByLabel("Kind of help").selectOption({ label: "Transport" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await settled(page);
  await expect.poll(() => page.getByTestId("total-spend").innerText(), WAIT).toBe(pounds(0));

  // Narrowed to Glossop, domestic equipment, from the first of this month: the grant again.
  await page.getByLabel("Area").selectOption({ label: "Glossop" });
  await page.getByLabel("Kind of help").selectOption({ label: "Domestic equipment" });
  await page.getByLabel("From").fill(`${month}-01`);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await settled(page);
  const areas = await graphql(page, "{ areas(first: 100) { edges { node { id name } } } }");
  const glossop = areas.areas.edges.find((edge: any) => edge.node.name === "Glossop").node.id;
  const narrowed = await apiSpend(page, { areaIds: [glossop], category: "DOMESTIC_EQUIPMENT", from: `${month}-01` });
  expect(narrowed).toBeGreaterThanOrEqual(12_345);
  await expect.poll(() => page.getByTestId("total-spend").innerText(), WAIT).toBe(pounds(narrowed));
  await checkPage(page, "reports-filtered");

  // The month table's CSV, through the portal with this person's cookies, carries the same filter.
  // GOV.UK's visually hidden text is padded with spaces, so the name reads "Download CSV : …".
  const link = page.getByRole("link", { name: /^Download CSV\W+Spend and requests by month$/ });
  const href = (await link.getAttribute("href")) as string;
  expect(href).toContain("category=DOMESTIC_EQUIPMENT");
  expect(href).toContain(`area=${encodeURIComponent(glossop)}`);
  const download = await page.request.get(`${stack.baseUrl}${href}`);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toContain("text/csv");
  const lines = (await download.text()).trim().split(/\r?\n/);
  expect(lines[0]).toBe("Month,Requests submitted,Requests granted,Spend granted (pence)");
  expect(lines.slice(1)).toContainEqual(expect.stringMatching(new RegExp(`^${month},\\d+,\\d+,${narrowed}$`)));

  // Signed out, the same link is refused.
  const stranger = await stack.newPage();
  expect((await stranger.request.get(`${stack.baseUrl}${href}`)).status()).toBe(401);
  await stranger.context().close();
});

test("Glossop's steering group sees its own area's trends, and no other area's", async () => {
  const overseer = await stack.newPage();
  onTestFailed(() => screenshotFailure(overseer, "reports-overseer"));
  await signIn(overseer, stack.baseUrl, "steering-glossop@derbyshire.example");
  await overseer.getByRole("link", { name: "Reports", exact: true }).click();
  await overseer.getByRole("heading", { level: 2, name: "Areas: trends and outliers" }).waitFor();
  await settled(overseer);

  const data = await graphql(
    overseer,
    "{ reports { spendByArea { area spend } areaMonthlyTrends { area month spend } } }",
  );
  expect(data.reports.spendByArea.map((row: { area: string }) => row.area)).toEqual(["Glossop"]);
  const glossopSpend = data.reports.spendByArea[0].spend as number;
  expect(glossopSpend).toBeGreaterThanOrEqual(12_345);
  const byArea = overseer.getByRole("table", { name: "Spend by area" });
  await expect.poll(() => byArea.innerText(), WAIT).toContain(pounds(glossopSpend));
  expect(await byArea.innerText()).not.toContain("Swadlincote");
  const trends = overseer.getByRole("table", { name: "Each area month by month" });
  await expect
    .poll(() => trends.getByRole("row", { name: new RegExp(`Glossop\\s+${londonDay().slice(0, 7)}`) }).count(), WAIT)
    .toBe(1);
  await checkPage(overseer, "reports-overseer");
  await overseer.context().close();
});
