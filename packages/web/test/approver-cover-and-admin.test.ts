// In Harrowmere (the children-in-care demo county): a team manager arranges cover for their
// decisions and the colleague covering sees the request in their queue; the administrator sets
// the scheme's limits (a wrong one refused beside its field), adds a member of staff with the
// keyboard alone and gives them a second role, and finance keeps the supplier list. In Larkhaven
// (the configurable scheme, cover switched off) the approver is told the scheme's reason at the
// form. In Leeds, the page the Leeds plugin adds (unmet needs for commissioning) renders from its data.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, onTestFailed, test } from "vitest";
import {
  activate,
  checkPage,
  screenshotFailure,
  settled,
  signIn,
  signOut,
  tabTo,
  typeInto,
  WAIT,
} from "./support/journey.ts";
import { type PortalStack, startPortalStack } from "./support/portal-stack.ts";

let stack: PortalStack;
let page: Page;
let reference: string;

beforeAll(async () => {
  stack = await startPortalStack();
  page = await stack.newPage();
  reference = await submitOneRequest();
});
afterAll(async () => stack?.stop());

const londonDay = (offsetDays = 0) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );

/** A GraphQL call as the person signed in on `on`, to the set-up API (the portal's runs only its own documents). */
async function graphql(on: Page, query: string, variables: Record<string, unknown> = {}) {
  const response = await on.request.post(`${inject("setupApiUrl")}/graphql`, {
    data: { query, variables },
    headers: { "content-type": "application/json", "x-pathfinder-csrf": "1" },
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** The social worker asks £300 for Kai (looked after, Harrowmere North): over £250, so the team manager decides. */
async function submitOneRequest(): Promise<string> {
  const worker = await stack.newPage();
  await signIn(worker, stack.baseUrl, "sw@children-in-care.example");
  const found = await graphql(
    worker,
    "{ cases(first: 20) { edges { node { id reference } } } budgets(first: 20) { edges { node { id } } } }",
  );
  const caseId = found.cases.edges.find((edge: any) => edge.node.reference === "CIC-0001").node.id;
  const created = await graphql(
    worker,
    `mutation ($input: CreatePurchaseRequestInput!) { createPurchaseRequest(input: $input) {
       __typename ... on Error { message } ... on MutationCreatePurchaseRequestSuccess { data { id reference } } } }`,
    {
      input: {
        caseId,
        budgetId: found.budgets.edges[0].node.id,
        route: "CASH",
        intendedOutcomes: "Kai settles in his new placement with weekly play therapy.",
        ecmOutcomes: ["BE_HEALTHY"],
        otherFundingExplanation: "CAMHS has a nine-month wait.",
        items: [
          { category: "COUNSELLING_OR_TRADED_SERVICE", description: "Play therapy, six sessions", unitCost: 30_000 },
        ],
      },
    },
  );
  const request = created.createPurchaseRequest.data;
  expect(request, JSON.stringify(created)).toBeTruthy();
  const submitted = await graphql(
    worker,
    `mutation ($id: ID!) { submitPurchaseRequest(id: $id) { __typename ... on Error { message }
       ... on MutationSubmitPurchaseRequestSuccess { data { status } } } }`,
    { id: request.id },
  );
  expect(submitted.submitPurchaseRequest.data?.status, JSON.stringify(submitted)).toBe("AWAITING_DECISION");
  await worker.context().close();
  return request.reference;
}

test("a team manager arranges cover for their decisions, and the colleague covering sees the request in their queue", async () => {
  onTestFailed(() => screenshotFailure(page, "cover"));
  await signIn(page, stack.baseUrl, "tm@children-in-care.example");
  await page.getByRole("link", { name: "Decisions", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Requests awaiting your decision" }).waitFor();
  await expect.poll(() => page.locator("main").innerText(), WAIT).toContain(reference);
  await checkPage(page, "cover-decisions-before");

  await page.getByRole("link", { name: "Arrange cover for your decisions" }).click();
  await page.getByRole("heading", { level: 1, name: "Cover for your decisions" }).waitFor();
  await checkPage(page, "cover-form");

  // Cover that ends before it starts: the API's error beside the last day, what was typed kept.
  await page.getByLabel("Who will cover").selectOption({ label: "Lewis Carrow, Team manager" });
  await page.getByLabel("First day of cover").fill(londonDay(0));
  await page.getByLabel("Last day of cover").fill(londonDay(-3));
  await page.getByLabel("Why").fill("Annual leave");
  await page.getByRole("button", { name: "Arrange cover" }).click();
  const lastDay = page.locator(".govuk-form-group", { has: page.getByLabel("Last day of cover") });
  await expect.poll(() => lastDay.innerText(), WAIT).toContain("Cover must end on or after the day it starts");
  expect(await page.getByLabel("Why").inputValue()).toBe("Annual leave");
  await checkPage(page, "cover-form-error");

  await page.getByLabel("Last day of cover").fill(londonDay(7));
  await page.getByRole("button", { name: "Arrange cover" }).click();
  await expect.poll(() => page.getByRole("alert").first().innerText(), WAIT).toContain("Cover arranged.");
  await expect.poll(() => page.locator("table").innerText(), WAIT).toContain("Lewis Carrow covers your decisions");
  await checkPage(page, "cover-arranged");
  await signOut(page);

  await signIn(page, stack.baseUrl, "tm-south@children-in-care.example");
  await page.getByRole("link", { name: "Decisions", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Requests awaiting your decision" }).waitFor();
  await settled(page);
  const main = page.locator("main");
  await expect.poll(() => main.innerText(), WAIT).toContain("You are covering Bethan Oduya's decisions");
  await expect.poll(() => main.innerText(), WAIT).toContain(reference);
  await checkPage(page, "cover-colleague-queue");
  await signOut(page);
});

test("where the authority's scheme does not allow cover, the approver is told so at the form", async () => {
  onTestFailed(() => screenshotFailure(page, "cover-forbidden"));
  // Larkhaven and Thorncombe run the configurable scheme: its administrator switches cover off.
  await signIn(page, stack.baseUrl, "admin@configurable.example");
  await page.getByRole("link", { name: "Schemes", exact: true }).click();
  await settled(page);
  const section = page.locator("section", { has: page.getByRole("heading", { name: /^Configurable scheme/ }) });
  await section.getByText("Change its settings").click();
  await section.getByLabel("Allow cover").uncheck();
  await section.getByRole("button", { name: "Save the settings" }).click();
  await expect.poll(() => section.innerText(), WAIT).toContain("Settings saved: they are in force from today.");
  await signOut(page);

  await signIn(page, stack.baseUrl, "panel@configurable.example");
  await page.goto(`${stack.baseUrl}/decisions/cover`);
  await page.getByRole("heading", { level: 1, name: "Cover for your decisions" }).waitFor();
  await settled(page);
  await page.getByLabel("Who will cover").selectOption({ index: 1 });
  await page.getByLabel("First day of cover").fill(londonDay(0));
  await page.getByLabel("Last day of cover").fill(londonDay(7));
  await page.getByLabel("Why").fill("Annual leave");
  await page.getByRole("button", { name: "Arrange cover" }).click();
  const summary = page.locator(".govuk-error-summary");
  await expect
    .poll(() => summary.innerText(), WAIT)
    .toContain("Your authority's scheme does not let a colleague decide in your place");
  expect(await page.getByLabel("Why").inputValue()).toBe("Annual leave");
  await checkPage(page, "cover-forbidden-by-scheme");
  await signOut(page);
});

test("the administrator sets the scheme's limits, a wrong one refused beside its field", async () => {
  onTestFailed(() => screenshotFailure(page, "admin-settings"));
  await signIn(page, stack.baseUrl, "admin@children-in-care.example");
  await page.getByRole("link", { name: "Schemes", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Schemes" }).waitFor();
  await settled(page);
  const section = page.locator("section", { has: page.getByRole("heading", { name: /^Children in care/ }) });
  await section.getByText("Change its settings").click();
  const limit = section.getByLabel("Team manager limit pence");
  await limit.fill("10000");
  await section.getByRole("button", { name: "Save the settings" }).click();
  const group = section.locator(".govuk-form-group", { has: page.getByLabel("Team manager limit pence") });
  await expect
    .poll(() => group.innerText(), WAIT)
    .toContain("The team manager's limit must be at least the social worker's own limit");
  expect(await limit.inputValue()).toBe("10000");
  await checkPage(page, "admin-settings-error");

  await limit.fill("250000");
  await section.getByRole("button", { name: "Save the settings" }).click();
  await expect.poll(() => section.innerText(), WAIT).toContain("Settings saved: they are in force from today.");
  await expect.poll(() => section.innerText(), WAIT).not.toContain("The team manager's limit must be at least");
  await checkPage(page, "admin-settings-saved");
});

test("the administrator adds a member of staff and gives them a role, with the keyboard alone; they sign in", async () => {
  onTestFailed(() => screenshotFailure(page, "admin-staff"));
  await activate(page, page.getByRole("link", { name: "Staff", exact: true }));
  await page.getByRole("heading", { level: 1, name: "Staff and roles" }).waitFor();
  await checkPage(page, "admin-staff");

  // GOV.UK's button-styled link: a link that says it is a button.
  await activate(page, page.getByRole("button", { name: "Add a member of staff" }));
  await page.getByRole("heading", { level: 1, name: "Add a member of staff" }).waitFor();
  await settled(page);
  await typeInto(page, page.getByLabel("Full name"), "Ffion Marchant");
  // An address that already has an account: refused beside the field.
  await typeInto(page, page.getByLabel("Work e-mail address"), "tm@children-in-care.example");
  await typeInto(page, page.getByLabel("Job title (optional)"), "Social worker");
  await tabTo(page, page.getByLabel("Social worker", { exact: true }));
  await page.keyboard.press("Space");
  expect(await page.getByLabel("Social worker", { exact: true }).isChecked()).toBe(true);
  await tabTo(page, page.getByLabel("Where"));
  await page.keyboard.type("Harrowmere South");
  await typeInto(page, page.getByLabel("First password (optional)"), "kettle on the windowsill");
  await checkPage(page, "admin-staff-new");
  await activate(page, page.getByRole("button", { name: "Add them" }));
  const email = page.locator(".govuk-form-group", { has: page.getByLabel("Work e-mail address") });
  await expect.poll(() => email.innerText(), WAIT).toContain("already has a Pathfinder account");
  expect(await page.getByLabel("Full name").inputValue()).toBe("Ffion Marchant");
  await checkPage(page, "admin-staff-new-error");

  await tabTo(page, page.getByLabel("Work e-mail address"));
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("ffion.marchant@children-in-care.example");
  await activate(page, page.getByRole("button", { name: "Add them" }));
  await page.getByRole("heading", { level: 1, name: "Ffion Marchant" }).waitFor();
  await settled(page);
  await expect.poll(() => page.locator("main").innerText(), WAIT).toContain("Social worker in Harrowmere South");
  await checkPage(page, "admin-staff-added");

  // A second role: team manager for the whole authority. The radios are one Tab stop; the arrow keys choose.
  await tabTo(page, page.getByLabel("Social worker", { exact: true }));
  await page.keyboard.press("ArrowDown");
  expect(await page.getByLabel("Team manager", { exact: true }).isChecked()).toBe(true);
  await activate(page, page.getByRole("button", { name: "Give the role" }));
  await expect.poll(() => page.locator("main").innerText(), WAIT).toContain("Team manager (whole authority)");
  await expect.poll(() => page.getByRole("alert").first().innerText(), WAIT).toContain("Role given.");
  await checkPage(page, "admin-staff-role-given");
  await signOut(page);

  await page.getByLabel("Email address").fill("ffion.marchant@children-in-care.example");
  await page.getByLabel("Password").fill("kettle on the windowsill");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { level: 1, name: "Hello, Ffion Marchant" }).waitFor();
  await signOut(page);
});

test("finance adds a supplier and changes it", async () => {
  onTestFailed(() => screenshotFailure(page, "suppliers"));
  await signIn(page, stack.baseUrl, "finance@children-in-care.example");
  await page.getByRole("link", { name: "Suppliers", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Suppliers" }).waitFor();
  await checkPage(page, "suppliers");

  await page.getByRole("button", { name: "Add the supplier" }).click();
  const name = page.locator(".govuk-form-group", { has: page.getByLabel("Supplier's name") });
  await expect.poll(() => name.innerText(), WAIT).toContain("Enter the supplier's name");
  await checkPage(page, "suppliers-error");

  await page.getByLabel("Supplier's name").fill("Harrowmere Play Therapy Co-op");
  await page.getByLabel("Can invoice the council").check();
  await page.getByRole("button", { name: "Add the supplier" }).click();
  await expect.poll(() => page.locator("main").innerText(), WAIT).toContain("Harrowmere Play Therapy Co-op added.");
  await page.getByRole("link", { name: "Harrowmere Play Therapy Co-op" }).click();
  await page.getByRole("heading", { level: 1, name: "Harrowmere Play Therapy Co-op" }).waitFor();
  await settled(page);
  expect(await page.getByLabel("Can invoice the council").isChecked()).toBe(true);
  await page.getByLabel("A preferred provider").check();
  await page.getByRole("button", { name: "Save the changes" }).click();
  await expect.poll(() => page.getByRole("alert").first().innerText(), WAIT).toContain("Saved.");
  await checkPage(page, "supplier-edited");
  await page.getByRole("link", { name: "Back to suppliers" }).click();
  const row = page.getByRole("row", { name: /Harrowmere Play Therapy Co-op/ });
  await expect.poll(() => row.innerText(), WAIT).toMatch(/Yes\s+Yes$/);
  await signOut(page);
});

test("a page a scheme plugin adds renders from its data, in the menu of the roles it names", async () => {
  onTestFailed(() => screenshotFailure(page, "scheme-page"));
  await signIn(page, stack.baseUrl, "overseer@leeds.example");
  await page.getByRole("link", { name: "Unmet needs for commissioning" }).click();
  await page.getByRole("heading", { level: 1, name: "Unmet needs for commissioning" }).waitFor();
  await settled(page);
  const table = page.getByRole("table", { name: "Unmet needs by wedge and kind of help" });
  await expect.poll(() => table.innerText(), WAIT).toContain("Counselling or traded service");
  await expect.poll(() => table.innerText(), WAIT).toContain("£600.00");
  await checkPage(page, "scheme-page-leeds-unmet-needs");
  await signOut(page);

  // A lead professional's menu has no such page, and its address tells them it is not theirs.
  await signIn(page, stack.baseUrl, "lp@leeds.example");
  await settled(page);
  expect(await page.getByRole("link", { name: "Unmet needs for commissioning" }).count()).toBe(0);
  await page.goto(`${stack.baseUrl}/schemes/leeds/unmet-needs`);
  await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
  await checkPage(page, "scheme-page-not-for-lead-professional");
});
