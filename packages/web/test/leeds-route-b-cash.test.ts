// Leeds: a Route B request goes through cash, receipts and the change handed back.
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

test("a Leeds Route B request, returned once for changes, goes through cash, receipts and returned change", async () => {
  onTestFailed(() => screenshotFailure(page, "leeds"));

  await signIn(page, stack.baseUrl, "lp@leeds.example");
  await page.getByRole("link", { name: "Cases", exact: true }).click();
  await page.getByRole("link", { name: "LEE-0001" }).click();
  await page.getByRole("heading", { level: 1, name: "Tilly Brear" }).waitFor();
  await page.getByRole("link", { name: "Ask for money" }).click();
  await page.getByRole("heading", { level: 1, name: "Early Intervention Fund request" }).waitFor();
  await settled(page);
  // Leeds' words and rules, from its plugin: the portal knows no scheme by name.
  await expect.poll(() => page.getByRole("complementary").innerText(), WAIT).toContain("Route B: you sign for cash");
  await page.getByLabel("Route B").check();
  await fillItem(page, { description: "Cot and bedding", category: "Domestic equipment", cost: "120" });
  await page.getByLabel("What difference should this make for the child?").fill("Tilly sleeps safely in her own cot.");
  await page
    .getByLabel("Why can statutory funding, benefits or charities not pay?")
    .fill("No grant covers a cot this month.");
  await page.getByLabel("Why cash rather than an order through the IPC?").fill("The corner shop has the cot today.");
  await checkPage(page, "leeds-request-form");
  await page.getByRole("button", { name: "Submit the request" }).click();
  await page.getByText("Awaiting decision", { exact: true }).first().waitFor();
  await expect.poll(() => main().innerText(), WAIT).toContain("The corner shop has the cot today.");
  await checkPage(page, "leeds-request-submitted");
  await signOut(page);

  await signIn(page, stack.baseUrl, "ipc-west@leeds.example");
  await page.getByRole("link", { name: "Decisions", exact: true }).click();
  await settled(page);
  await page
    .getByRole("link", { name: /^Decide/ })
    .first()
    .click();
  await page.getByRole("heading", { name: /^Your decision as/ }).waitFor();
  await settled(page);
  await checkPage(page, "leeds-decide");
  // First the IPC sends it back: the shop's name is missing.
  await page.getByLabel("Return for changes").check();
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect.poll(() => page.locator(".govuk-error-summary").innerText(), WAIT).toContain("Write a note saying why");
  await page.getByLabel("Note").fill("Please name the shop in the item.");
  await page.getByRole("button", { name: "Record the decision" }).click();
  await page.getByText("Returned for changes", { exact: true }).first().waitFor();
  await signOut(page);

  // The lead professional answers the return: the same form, filled in as it was.
  await signIn(page, stack.baseUrl, "lp@leeds.example");
  const returned = page.locator("section", {
    has: page.getByRole("heading", { name: /^Returned to you for changes/ }),
  });
  await returned.getByRole("link").first().click();
  await expect.poll(() => main().innerText(), WAIT).toContain("Please name the shop in the item.");
  await page.getByRole("link", { name: "Change the request" }).click();
  await page.getByRole("heading", { level: 1, name: "Change: Early Intervention Fund request" }).waitFor();
  await settled(page);
  expect(await page.getByLabel("Why cash rather than an order through the IPC?").inputValue()).toBe(
    "The corner shop has the cot today.",
  );
  expect(await page.getByLabel("Route B").isChecked()).toBe(true);
  await page.getByLabel("What it is").fill("Cot and bedding from Bramley Corner Store");
  await checkPage(page, "leeds-answer-return");
  await page.getByRole("button", { name: "Submit the request" }).click();
  await page.getByText("Awaiting decision", { exact: true }).first().waitFor();
  await signOut(page);

  await signIn(page, stack.baseUrl, "ipc-west@leeds.example");
  await page.getByRole("link", { name: "Decisions", exact: true }).click();
  await settled(page);
  await expect.poll(() => main().innerText(), WAIT).toContain("Cot and bedding from Bramley Corner Store");
  await page
    .getByRole("link", { name: /^Decide/ })
    .first()
    .click();
  await page.getByRole("heading", { name: /^Your decision as/ }).waitFor();
  await settled(page);
  await page.getByLabel("Approve").check();
  await page.getByRole("button", { name: "Record the decision" }).click();
  await page.getByText("Approved", { exact: true }).first().waitFor();
  await signOut(page);

  // Finance issues the cash; the lead professional signs for it.
  await signIn(page, stack.baseUrl, "finance@leeds.example");
  await page.getByRole("link", { name: "Orders and cash", exact: true }).click();
  await settled(page);
  await page.locator("main table a").first().click();
  await page.getByRole("heading", { name: "Issue the cash" }).waitFor();
  await settled(page);
  expect(await page.getByLabel("Cash issued").inputValue()).toBe("120.00");
  await page.getByRole("button", { name: "Record the cash issued" }).click();
  await page.getByText("Fulfilled", { exact: true }).first().waitFor();
  await checkPage(page, "leeds-cash-issued");
  const requestUrl = page.url();
  await signOut(page);

  // The lead professional brings back a receipt for less than the cash.
  await signIn(page, stack.baseUrl, "lp@leeds.example");
  await page.goto(requestUrl);
  await page.getByRole("heading", { name: "Record a receipt" }).waitFor();
  await settled(page);
  await page.getByLabel("Amount").fill("112.50");
  await page.getByLabel("What it was for").fill("Cot and bedding, Bramley Corner Store");
  await page.getByRole("button", { name: "Record the receipt" }).click();
  await expect.poll(() => main().innerText(), WAIT).toContain("£112.50: Cot and bedding, Bramley Corner Store");
  await checkPage(page, "leeds-receipt-recorded");
  await signOut(page);

  // Finance takes the £7.50 change and reconciles.
  await signIn(page, stack.baseUrl, "finance@leeds.example");
  await page.goto(requestUrl);
  await page.getByRole("heading", { name: "Hand back unspent cash" }).waitFor();
  await settled(page);
  expect(await page.getByLabel("Cash handed back").inputValue()).toBe("7.50");
  await checkPage(page, "leeds-change");
  await page.getByRole("button", { name: "Record the cash handed back" }).click();
  await page.getByText("The cash handed back is recorded and back in the budget.").waitFor();
  await page.getByRole("button", { name: "Reconcile this request" }).click();
  await page.getByText("Reconciled", { exact: true }).first().waitFor();
  await checkPage(page, "leeds-reconciled");
  await page.getByRole("link", { name: "Budgets", exact: true }).click();
  await page.getByRole("link", { name: /^West wedge/ }).click();
  await settled(page);
  await expect.poll(() => page.locator(".app-figures").innerText(), WAIT).toMatch(/Spent\s*£112\.50/);
  await expect.poll(() => main().innerText(), WAIT).toMatch(/Cash returned[^\n]*\s*£7\.50/);
  await checkPage(page, "leeds-budget");
});
