// Devon: a lead professional raises a request over £100, the area's pathway co-ordinator
// approves it, finance fulfils it, and the lead professional records the outcome review.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, onTestFailed, test } from "vitest";
import { checkPage, fillItem, screenshotFailure, settled, signIn, signOut, WAIT } from "./support/journey.ts";
import { type PortalStack, startPortalStack } from "./support/portal-stack.ts";

let stack: PortalStack;
let page: Page;

beforeAll(async () => {
  stack = await startPortalStack();
  page = await stack.newPage();
});
afterAll(async () => stack?.stop());

const main = () => page.locator("main");

test("a Devon request over £100 goes from the lead professional to the pathway co-ordinator, finance and back to review", async () => {
  onTestFailed(() => screenshotFailure(page, "devon"));

  // The lead professional raises it.
  await signIn(page, stack.baseUrl, "lp@devon.example");
  await checkPage(page, "devon-home-lead-professional");
  await page.getByRole("link", { name: "Cases", exact: true }).click();
  await page.getByRole("link", { name: "DEV-2026-0001" }).click();
  await page.getByRole("heading", { level: 1, name: "Elowen Couch" }).waitFor();
  await page.getByRole("link", { name: "Ask for money" }).click();
  await page.getByRole("heading", { level: 1, name: "Purchase request" }).waitFor();
  await settled(page);
  const rules = page.getByRole("complementary");
  await expect
    .poll(() => rules.innerText(), WAIT)
    .toContain("Over £100.00 and up to £1,000.00: the area's pathway co-ordinator decides.");
  await page.getByLabel("Cash", { exact: true }).check();
  await fillItem(page, {
    description: "Climbing club membership and shoes",
    category: "Leisure or cultural activity",
    cost: "150",
  });
  await page
    .getByLabel("What difference should this make for the child?")
    .fill("Elowen belongs somewhere outside school.");
  await page
    .getByLabel("Why can statutory funding, benefits or charities not pay?")
    .fill("No other fund pays for clubs.");
  await checkPage(page, "devon-request-form");
  await page.getByRole("button", { name: "Submit the request" }).click();
  await page.getByText("Awaiting decision", { exact: true }).first().waitFor();
  await expect.poll(() => main().innerText(), WAIT).toContain("Waiting for: Pathway co-ordinator");
  await checkPage(page, "devon-request-submitted");
  await signOut(page);

  // The pathway co-ordinator finds it waiting, sees the case and the budget, and approves.
  await signIn(page, stack.baseUrl, "coordinator@devon.example");
  await expect
    .poll(() => main().innerText(), WAIT)
    .toMatch(/DEV-2026-0001\s*Elowen Couch\s*Axebridge pathfinder [\d-]+\s*£150\.00\s*Awaiting decision/);
  await checkPage(page, "devon-home-coordinator");
  await page.getByRole("link", { name: "Decisions", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Requests awaiting your decision" }).waitFor();
  await settled(page);
  await expect.poll(() => main().innerText(), WAIT).toContain("£14,850.00 left if approved");
  await checkPage(page, "devon-decision-queue");
  await page
    .getByRole("link", { name: /^Decide/ })
    .first()
    .click();
  await page.getByRole("heading", { name: "Your decision as Pathway co-ordinator" }).waitFor();
  await settled(page);
  await expect.poll(() => main().innerText(), WAIT).toContain("Axebridge pathfinder");
  await expect.poll(() => main().innerText(), WAIT).toContain("£15,000.00 available");
  await checkPage(page, "devon-decide");
  await page.getByLabel("Approve").check();
  await page.getByLabel("Note").fill("Agreed: a good fit with her plan.");
  await page.getByRole("button", { name: "Record the decision" }).click();
  // The decision updates the request and its budget in place, with no reload.
  await page.getByText("Approved", { exact: true }).first().waitFor();
  await expect.poll(() => main().innerText(), WAIT).toContain("£14,850.00 available");
  await page.getByRole("link", { name: "Decisions", exact: true }).click();
  await expect.poll(() => main().innerText(), WAIT).toContain("Nothing is waiting for your decision.");
  await page.getByRole("link", { name: "Budgets", exact: true }).click();
  await page.getByRole("link", { name: /Axebridge pathfinder/ }).click();
  await page.getByRole("heading", { level: 1, name: /Axebridge pathfinder/ }).waitFor();
  await settled(page);
  await expect.poll(() => page.locator(".app-figures").innerText(), WAIT).toMatch(/Committed\s*£150\.00/);
  await checkPage(page, "devon-budget");
  await signOut(page);

  // Finance issues the cash, takes the receipt and reconciles.
  await signIn(page, stack.baseUrl, "finance@devon.example");
  await checkPage(page, "devon-home-finance");
  await page.getByRole("link", { name: "Orders and cash", exact: true }).click();
  await settled(page);
  await checkPage(page, "devon-finance");
  await page.locator("main table a").first().click();
  await page.getByRole("heading", { name: "Issue the cash" }).waitFor();
  await settled(page);
  await checkPage(page, "devon-fulfil");
  await page.getByRole("button", { name: "Record the cash issued" }).click();
  await page.getByText("Fulfilled", { exact: true }).first().waitFor();
  await page.getByLabel("Amount").fill("150");
  await page.getByLabel("What it was for").fill("Club membership and shoes");
  await page.getByRole("button", { name: "Record the receipt" }).click();
  await expect.poll(() => main().innerText(), WAIT).toContain("£150.00: Club membership and shoes");
  await page.getByRole("button", { name: "Reconcile this request" }).click();
  await page.getByText("Reconciled", { exact: true }).first().waitFor();
  await signOut(page);

  // The lead professional records what difference it made.
  await signIn(page, stack.baseUrl, "lp@devon.example");
  await page.getByRole("link", { name: "Cases", exact: true }).click();
  await page.getByRole("link", { name: "DEV-2026-0001" }).click();
  await page.getByRole("heading", { level: 1, name: "Elowen Couch" }).waitFor();
  await settled(page);
  await page.locator("main table a").first().click();
  await page.getByRole("heading", { name: "Record the outcome review" }).waitFor();
  await settled(page);
  await checkPage(page, "devon-review");
  await page
    .getByLabel("What difference did it make?")
    .fill("She climbs twice a week and talks about her friends there.");
  await page.getByLabel("Enjoy and achieve").check();
  await page.getByLabel("The family's comments").fill("She is happier.");
  await page.getByRole("button", { name: "Record the review" }).click();
  await page.getByText("Closed", { exact: true }).first().waitFor();
  await expect.poll(() => main().innerText(), WAIT).toContain("She climbs twice a week");
  await checkPage(page, "devon-request-closed");
  await page.getByRole("link", { name: "DEV-2026-0001" }).click();
  await page.getByRole("heading", { level: 1, name: "Elowen Couch" }).waitFor();
  await settled(page);
  await expect.poll(() => main().innerText(), WAIT).toContain("She climbs twice a week");
  await checkPage(page, "devon-case-with-review");
});
