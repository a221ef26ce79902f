// A Dorset request over £500 without the exceptional reason is stopped at the form, with the
// rule shown, and what was typed kept. Driven with the keyboard alone.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, onTestFailed, test } from "vitest";
import {
  activate,
  checkPage,
  DEMO_PASSWORD,
  screenshotFailure,
  settled,
  tabTo,
  typeInto,
  WAIT,
} from "./support/journey.ts";
import { type PortalStack, startPortalStack } from "./support/portal-stack.ts";

let stack: PortalStack;
let page: Page;

beforeAll(async () => {
  stack = await startPortalStack();
  page = await stack.newPage();
});
afterAll(async () => stack?.stop());

test("a Dorset request over £500 is stopped at the form with the rule shown, then goes through as exceptional", async () => {
  onTestFailed(() => screenshotFailure(page, "dorset"));
  await page.goto(`${stack.baseUrl}/`);
  await page.waitForURL(/\/sign-in/);
  await checkPage(page, "sign-in");

  // Sign in: Tab to each field, type, Enter submits.
  await typeInto(page, page.getByLabel("Email address"), "lp@dorset.example");
  await typeInto(page, page.getByLabel("Password"), DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 1, name: /^Hello/ }).waitFor();
  await expect.poll(() => page.locator("header").innerText(), WAIT).toContain("Dorset");
  await checkPage(page, "dorset-home-lead-professional");

  await activate(page, page.getByRole("link", { name: "Cases", exact: true }));
  await page.getByRole("heading", { level: 1, name: "Your cases" }).waitFor();
  await checkPage(page, "dorset-cases");
  await activate(page, page.getByRole("link", { name: "DOR-0001" }));
  await page.getByRole("heading", { level: 1, name: "Kezia Portesham" }).waitFor();
  await checkPage(page, "dorset-case");

  await activate(page, page.getByRole("link", { name: "Ask for money" }));
  await page.getByRole("heading", { level: 1, name: "Application" }).waitFor();
  await settled(page);
  // The rules, before they are broken, and the budget left.
  const rules = page.getByRole("complementary");
  await expect
    .poll(() => rules.innerText(), WAIT)
    .toContain("Up to £500.00 a case in all, or up to £1,000.00 in exceptional circumstances");
  await expect.poll(() => rules.innerText(), WAIT).toMatch(/Available now\s*£6,666\.67/);

  // Cash: the radios are one Tab stop, and the arrow keys choose.
  await tabTo(page, page.getByLabel("Order", { exact: true }));
  await page.keyboard.press("ArrowDown");
  expect(await page.getByLabel("Cash", { exact: true }).isChecked()).toBe(true);
  await typeInto(page, page.getByLabel("What it is"), "Swimming lessons and kit for a term");
  await tabTo(page, page.getByLabel("Kind of help"));
  await page.keyboard.type("Leisure");
  await typeInto(page, page.getByLabel("Cost of one"), "600");
  await typeInto(
    page,
    page.getByLabel("What difference should this make for the child?"),
    "Kezia swims with her class and makes friends.",
  );
  await tabTo(page, page.getByLabel("Enjoy and achieve"));
  await page.keyboard.press("Space");
  await typeInto(
    page,
    page.getByLabel("Why can statutory funding, benefits or charities not pay?"),
    "No statutory service covers lessons.",
  );
  await expect.poll(() => rules.innerText(), WAIT).toMatch(/This request\s*£600\.00\s*Left after it\s*£6,066\.67/);
  await checkPage(page, "dorset-request-form");

  await activate(page, page.getByRole("button", { name: "Submit the request" }));
  const summary = page.locator(".govuk-error-summary");
  await summary.waitFor();
  await expect
    .poll(() => summary.innerText(), WAIT)
    .toContain("Dorset's protocol allows up to £500.00 a case, or up to £1,000.00 in exceptional circumstances.");
  await expect.poll(() => summary.innerText(), WAIT).toContain("mark the request exceptional and say why");
  // Everything typed is still there.
  expect(await page.getByLabel("Cost of one").inputValue()).toBe("600");
  expect(await page.getByLabel("What it is").inputValue()).toBe("Swimming lessons and kit for a term");
  expect(await page.getByLabel("Enjoy and achieve").isChecked()).toBe(true);
  await checkPage(page, "dorset-request-rule-broken");

  // Marked exceptional but with no reason: the error sits beside the reason's field.
  await tabTo(page, page.getByLabel("The circumstances are exceptional"));
  await page.keyboard.press("Space");
  await activate(page, page.getByRole("button", { name: "Submit the request" }));
  const reasonGroup = page.locator(".govuk-form-group", { has: page.getByLabel("What makes them exceptional") });
  await expect
    .poll(() => reasonGroup.innerText(), WAIT)
    .toContain("Say in writing what makes the circumstances exceptional.");
  await checkPage(page, "dorset-request-reason-missing");

  await typeInto(
    page,
    page.getByLabel("What makes them exceptional"),
    "A house move cut her off from every club she knew.",
  );
  await activate(page, page.getByRole("button", { name: "Submit the request" }));
  await page.getByText("Awaiting decision", { exact: true }).first().waitFor();
  await expect
    .poll(() => page.locator("main").innerText(), WAIT)
    .toContain("A house move cut her off from every club she knew.");
  await checkPage(page, "dorset-request-submitted");
});
