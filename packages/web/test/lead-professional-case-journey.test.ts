// Harrowmere (children in care): a social worker opens a case and records its assessment with the
// keyboard alone, keeps the plan, unmet needs and team meetings on it, files a receipt, and hands
// the case to a colleague, who closes it. Each step checks what the person sees.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, onTestFailed, test } from "vitest";
import {
  activate,
  checkPage,
  fillItem,
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

beforeAll(async () => {
  stack = await startPortalStack();
  page = await stack.newPage();
});
afterAll(async () => stack?.stop());

const main = () => page.locator("main");

/** The steps build on each other: once one fails, the rest are skipped rather than timing out. */
let failed = false;
function step(name: string, run: () => Promise<void>) {
  test(name, async ({ skip }) => {
    if (failed) skip("an earlier step failed");
    onTestFailed(() => {
      failed = true;
    });
    await run();
  });
}
const timeline = () => page.locator("ol.app-timeline");
const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());

/** A change made as the person signed in on the page, through the set-up API (any document). */
async function setupApi(query: string, variables: Record<string, unknown>) {
  const response = await page.request.post(`${inject("setupApiUrl")}/graphql`, {
    data: { query, variables },
    headers: { "content-type": "application/json", "x-pathfinder-csrf": "1" },
  });
  const body = (await response.json()) as { data?: Record<string, { __typename: string }>; errors?: unknown };
  if (body.errors || !Object.values(body.data ?? {})[0]?.__typename.endsWith("Success"))
    throw new Error(JSON.stringify(body));
}

// Invented files: only their first bytes matter, as the API judges a file by its content.
const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const notAPdf = Buffer.from("<html><body>Not a PDF at all</body></html>\n");
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

/** The case the journey opens, found from its page once opened. */
let caseReference = "";
let casePath = "";

async function openTheCasePage() {
  await page.getByRole("link", { name: "Cases", exact: true }).click();
  await page.getByRole("link", { name: caseReference }).click();
  await page.getByRole("heading", { level: 1, name: "Ffion Gwilt" }).waitFor();
  await settled(page);
}

step("the social worker opens a case and records its assessment with the keyboard alone", async () => {
  onTestFailed(() => screenshotFailure(page, "lead-professional-open-case"));
  await signIn(page, stack.baseUrl, "sw@children-in-care.example");
  await checkPage(page, "lp-journey-home");

  await activate(page, page.getByRole("link", { name: "Cases", exact: true }));
  await page.getByRole("heading", { level: 1 }).waitFor();
  await settled(page);
  await activate(page, page.getByRole("link", { name: "Open a case" }).first());
  await page.getByRole("heading", { level: 1, name: "Open a case" }).waitFor();
  await settled(page);
  await checkPage(page, "lp-journey-open-case");
  await typeInto(page, page.getByLabel("Child's first name"), "Ffion");
  await typeInto(page, page.getByLabel("Child's last name"), "Gwilt");
  const born = page.getByRole("group", { name: "Date of birth" });
  await typeInto(page, born.getByLabel("Day"), "14");
  await typeInto(page, born.getByLabel("Month"), "6");
  await typeInto(page, born.getByLabel("Year"), "2012");
  await tabTo(page, page.getByLabel("The child is looked after"));
  await page.keyboard.press("Space");
  expect(await page.getByLabel("The child is looked after").isChecked()).toBe(true);
  await typeInto(page, page.getByLabel("Multi-agency plan (optional)"), "Settle Ffion into her new placement.");
  await activate(page, page.getByRole("button", { name: "Open the case" }));

  await page.getByRole("heading", { level: 1, name: "Ffion Gwilt" }).waitFor();
  await settled(page);
  const caption = await page.locator(".govuk-caption-l").innerText();
  caseReference = /Case (\S+)/.exec(caption)?.[1] ?? "";
  expect(caseReference).toMatch(/^[A-Z]+-/);
  casePath = new URL(page.url()).pathname;
  await expect.poll(() => main().innerText(), WAIT).toContain("Harrowmere North");
  await expect.poll(() => main().innerText(), WAIT).toContain("Born 14 June 2012");
  await expect.poll(() => main().innerText(), WAIT).toContain("looked after");
  await expect.poll(() => main().innerText(), WAIT).toContain("No assessment yet");
  await expect.poll(() => main().innerText(), WAIT).toContain("Settle Ffion into her new placement.");
  await expect.poll(() => timeline().innerText(), WAIT).toContain(`Opened case ${caseReference}`);
  await checkPage(page, "lp-journey-case-opened");

  // The assessment: first without its priority needs, which the API refuses beside the field.
  await activate(page, page.getByRole("link", { name: "Record an assessment" }));
  await page.getByRole("heading", { level: 1, name: "Record an assessment" }).waitFor();
  await settled(page);
  // Tab reaches a radio group at its chosen option; the arrow keys choose another.
  await tabTo(page, page.getByLabel("Common assessment (CAF)"));
  await page.keyboard.press("ArrowDown");
  expect(await page.getByLabel("Specialist assessment with an action plan").isChecked()).toBe(true);
  await activate(page, page.getByRole("button", { name: "Save the assessment" }));
  const summary = page.locator(".govuk-error-summary");
  await summary.waitFor();
  await expect.poll(() => summary.innerText(), WAIT).toContain("Record at least one priority need.");
  await expect
    .poll(() => page.locator("#field-priorityNeeds-error").innerText(), WAIT)
    .toContain("Record at least one priority need.");
  await checkPage(page, "lp-journey-assessment-error");

  // Then with a file that only calls itself a PDF: refused beside the upload, and what was typed stays.
  await typeInto(page, page.getByLabel("Priority needs"), "Therapy after the placement move\nA laptop for school");
  await page
    .getByLabel("The assessment form (optional)")
    .setInputFiles({ name: "care-plan.pdf", mimeType: "application/pdf", buffer: notAPdf });
  await activate(page, page.getByRole("button", { name: "Save the assessment" }));
  await expect
    .poll(() => page.locator("#field-documentId-error").innerText(), WAIT)
    .toContain("care-plan.pdf is not a PDF");
  expect(await page.getByLabel("Priority needs").inputValue()).toBe(
    "Therapy after the placement move\nA laptop for school",
  );
  expect(await page.getByLabel("Specialist assessment with an action plan").isChecked()).toBe(true);
  await checkPage(page, "lp-journey-assessment-wrong-file");

  await page
    .getByLabel("The assessment form (optional)")
    .setInputFiles({ name: "care-plan.pdf", mimeType: "application/pdf", buffer: pdf });
  await activate(page, page.getByRole("button", { name: "Save the assessment" }));
  await page.getByRole("heading", { level: 1, name: "Ffion Gwilt" }).waitFor();
  await settled(page);
  await expect.poll(() => main().innerText(), WAIT).toContain("Specialist assessment");
  await expect.poll(() => main().innerText(), WAIT).toContain("Therapy after the placement move");
  await expect.poll(() => main().innerText(), WAIT).toMatch(/Form: care-plan\.pdf/);
  await checkPage(page, "lp-journey-assessed");
});

step("the plan, an unmet need and a team meeting are kept on the case and its timeline", async () => {
  onTestFailed(() => screenshotFailure(page, "lead-professional-case-records"));

  await page.getByRole("link", { name: "Update the plan" }).click();
  await page.getByRole("heading", { level: 1, name: "Update the plan" }).waitFor();
  await settled(page);
  expect(await page.getByLabel("Multi-agency plan").inputValue()).toBe("Settle Ffion into her new placement.");
  await checkPage(page, "lp-journey-plan");
  await page.getByLabel("Multi-agency plan").fill("");
  await page.getByRole("button", { name: "Save the plan" }).click();
  await expect
    .poll(() => page.locator("#field-plan-error").innerText(), WAIT)
    .toContain("Write the plan, or keep the one there.");
  await page
    .getByLabel("Multi-agency plan")
    .fill("Weekly therapy from January, paid by the fund.\nSchool checks in each half term.");
  await page.getByRole("button", { name: "Save the plan" }).click();
  await page.getByRole("heading", { level: 1, name: "Ffion Gwilt" }).waitFor();
  await settled(page);
  await expect.poll(() => main().innerText(), WAIT).toContain("Weekly therapy from January, paid by the fund.");
  await expect.poll(() => timeline().innerText(), WAIT).toContain(`Updated the plan of case ${caseReference}`);

  await page.getByRole("link", { name: "Record an unmet need" }).click();
  await page.getByRole("heading", { level: 1, name: "Record an unmet need" }).waitFor();
  await settled(page);
  await page.getByLabel("Kind of help needed").selectOption({ label: "Counselling or a traded service" });
  await page.getByLabel("Estimated cost (optional)").fill("480");
  await page.getByRole("button", { name: "Record the unmet need" }).click();
  await expect
    .poll(() => page.locator("#field-description-error").innerText(), WAIT)
    .toContain("Describe the need that could not be met.");
  expect(await page.getByLabel("Estimated cost (optional)").inputValue()).toBe("480");
  await checkPage(page, "lp-journey-unmet-need-error");
  await page.getByLabel("The need").fill("Play therapy: no local service has a place before summer.");
  await page.getByRole("button", { name: "Record the unmet need" }).click();
  await page.getByRole("heading", { level: 1, name: "Ffion Gwilt" }).waitFor();
  await settled(page);
  const needs = page.getByRole("table", { name: "Needs the fund could not meet" });
  await expect
    .poll(() => needs.innerText(), WAIT)
    .toMatch(/Counselling or a traded service\s*Play therapy: no local service has a place before summer\.\s*£480\.00/);
  await expect
    .poll(() => timeline().innerText(), WAIT)
    .toContain("Recorded an unmet need for counselling or traded service (about £480.00)");

  await page.getByRole("link", { name: "Record a team meeting" }).click();
  await page.getByRole("heading", { level: 1, name: "Record a team meeting" }).waitFor();
  await settled(page);
  await page
    .getByLabel("Who came")
    .fill("Imogen Farrant (social worker)\nDr Seren Pugh (CAMHS)\nMr Alun Rees (virtual school)");
  await page.getByLabel("What was agreed (optional)").fill("Therapy to start in January; laptop to be bought.");
  await checkPage(page, "lp-journey-meeting");
  await page.getByRole("button", { name: "Record the meeting" }).click();
  await page.getByRole("heading", { level: 1, name: "Ffion Gwilt" }).waitFor();
  await settled(page);
  await expect
    .poll(() => main().innerText(), WAIT)
    .toContain("Attended: Imogen Farrant (social worker); Dr Seren Pugh (CAMHS); Mr Alun Rees (virtual school)");
  await expect.poll(() => main().innerText(), WAIT).toContain("Therapy to start in January; laptop to be bought.");
  await expect
    .poll(() => timeline().innerText(), WAIT)
    .toMatch(/Recorded a Team Around the Child meeting .* with 3 attendees/);
  await checkPage(page, "lp-journey-case-records");

  // A year of meetings later, the list pages: ten on the first page, the rest on the next.
  const caseId = decodeURIComponent(casePath.split("/").at(-1) ?? "");
  for (let n = 1; n <= 10; n++)
    await setupApi(`mutation ($input: RecordTeamMeetingInput!) { recordTeamMeeting(input: $input) { __typename } }`, {
      input: { caseId, heldOn: today, attendees: ["Imogen Farrant (social worker)"], notes: `Review ${n}` },
    });
  await page.reload();
  await settled(page);
  const attended = () =>
    main()
      .getByText(/^Attended:/)
      .count();
  await expect.poll(attended, WAIT).toBe(10);
  await page
    .getByRole("navigation", { name: "Team meetings pages" })
    .getByRole("button", { name: "Next page" })
    .click();
  await expect.poll(attended, WAIT).toBe(1);
  await checkPage(page, "lp-journey-meetings-page-2");
});

step("a receipt is uploaded on the case's request and downloads as it was sent", async () => {
  onTestFailed(() => screenshotFailure(page, "lead-professional-receipt"));

  // Up to £250 the social worker signs off at once.
  await page.getByRole("link", { name: "Ask for money" }).click();
  await page.getByRole("heading", { level: 1 }).waitFor();
  await settled(page);
  await page.getByLabel("Cash", { exact: true }).check();
  await fillItem(page, { description: "Laptop for school", category: "Education and training", cost: "240" });
  await page.getByLabel("What difference should this make for the child?").fill("Ffion keeps up with homework.");
  await page
    .getByLabel("Why can statutory funding, benefits or charities not pay?")
    .fill("The school has no laptops left to lend.");
  await page.getByRole("button", { name: "Submit the request" }).click();
  await page.getByText("Approved", { exact: true }).first().waitFor();
  await settled(page);
  const requestUrl = page.url();
  await signOut(page);

  await signIn(page, stack.baseUrl, "finance@children-in-care.example");
  await page.goto(requestUrl);
  await page.getByRole("heading", { name: "Issue the cash" }).waitFor();
  await settled(page);
  await page.getByRole("button", { name: "Record the cash issued" }).click();
  await page.getByText("Fulfilled", { exact: true }).first().waitFor();
  await signOut(page);

  await signIn(page, stack.baseUrl, "sw@children-in-care.example");
  await page.goto(requestUrl);
  await page.getByRole("heading", { name: "Record a receipt" }).waitFor();
  await settled(page);
  await page.getByLabel("Amount").fill("239.99");
  await page.getByLabel("What it was for").fill("Laptop");
  await page
    .getByLabel("A photo or scan of the receipt (optional)")
    .setInputFiles({ name: "laptop-receipt.png", mimeType: "image/png", buffer: png });
  await checkPage(page, "lp-journey-receipt-form");
  await page.getByRole("button", { name: "Record the receipt" }).click();
  await expect.poll(() => main().innerText(), WAIT).toContain("£239.99: Laptop");
  const download = page.getByRole("link", { name: "laptop-receipt.png" });
  await download.waitFor();
  const response = await page.request.get(new URL((await download.getAttribute("href")) ?? "", stack.baseUrl).href);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
  expect(Buffer.from(await response.body()).equals(png)).toBe(true);
  await checkPage(page, "lp-journey-receipt-recorded");

  // The case lists both files, each downloadable.
  await page.goto(`${stack.baseUrl}${casePath}`);
  await page.getByRole("heading", { level: 1, name: "Ffion Gwilt" }).waitFor();
  await settled(page);
  const files = page.getByRole("table", { name: "Files on this case" });
  await expect.poll(() => files.innerText(), WAIT).toContain("laptop-receipt.png");
  await expect.poll(() => files.innerText(), WAIT).toMatch(/Receipt for \S+: Laptop/);
  await expect.poll(() => files.innerText(), WAIT).toContain("care-plan.pdf");
  const form = await page.request.get(
    new URL((await files.getByRole("link", { name: "care-plan.pdf" }).getAttribute("href")) ?? "", stack.baseUrl).href,
  );
  expect(Buffer.from(await form.body()).equals(pdf)).toBe(true);
  await checkPage(page, "lp-journey-case-files");
});

step("the case is handed over to a colleague, who closes it with a reason", async () => {
  onTestFailed(() => screenshotFailure(page, "lead-professional-hand-over"));

  await page.getByRole("link", { name: "Hand over the case" }).click();
  await page.getByRole("heading", { level: 1, name: "Hand over the case" }).waitFor();
  await settled(page);
  await page.getByRole("button", { name: "Hand over the case" }).click();
  await expect
    .poll(() => page.locator("#field-toStaffUserId-error").innerText(), WAIT)
    .toContain("Choose who is to lead the case");
  await checkPage(page, "lp-journey-hand-over");
  // Only other lead professionals are offered: not the person leading it now, nor a team manager.
  // (The browser tests share one database: the administrator's test may have added a social worker.)
  const choices = await page.getByLabel("New lead professional").locator("option").allInnerTexts();
  expect(choices).toContain("Kwame Ashdown, Social worker, Harrowmere South");
  expect(choices.filter((choice) => /Imogen Farrant|Team manager/.test(choice))).toEqual([]);
  expect(choices.every((choice) => choice === "Choose someone" || choice.includes("Social worker"))).toBe(true);
  await page
    .getByLabel("New lead professional")
    .selectOption({ label: "Kwame Ashdown, Social worker, Harrowmere South" });
  await page.getByRole("button", { name: "Hand over the case" }).click();
  await page.getByRole("heading", { level: 1, name: "Case handed over" }).waitFor();
  await expect.poll(() => main().innerText(), WAIT).toContain(`Kwame Ashdown now leads case ${caseReference}`);
  await expect.poll(() => main().innerText(), WAIT).toContain("You no longer lead this case");
  await checkPage(page, "lp-journey-handed-over");
  await page.getByRole("link", { name: "Back to your cases" }).click();
  await settled(page);
  await expect.poll(() => main().innerText(), WAIT).not.toContain(caseReference);
  await signOut(page);

  await signIn(page, stack.baseUrl, "sw-south@children-in-care.example");
  await openTheCasePage();
  await expect.poll(() => main().innerText(), WAIT).toMatch(/Lead professional\s*Kwame Ashdown/);
  await expect.poll(() => timeline().innerText(), WAIT).toContain(`Handed case ${caseReference} over to Kwame Ashdown`);
  // The case's files go with it: the new lead opens what the old lead uploaded.
  const files = page.getByRole("table", { name: "Files on this case" });
  await expect.poll(() => files.innerText(), WAIT).toContain("care-plan.pdf");
  await expect.poll(() => files.innerText(), WAIT).toContain("laptop-receipt.png");
  const form = await page.request.get(
    new URL((await files.getByRole("link", { name: "care-plan.pdf" }).getAttribute("href")) ?? "", stack.baseUrl).href,
  );
  expect(form.status()).toBe(200);
  await page.getByRole("link", { name: "Close the case" }).click();
  await page.getByRole("heading", { level: 1, name: "Close the case" }).waitFor();
  await settled(page);
  await page.getByRole("button", { name: "Close the case" }).click();
  await expect
    .poll(() => page.locator("#field-reason-error").innerText(), WAIT)
    .toContain("Say why the case is closing");
  await checkPage(page, "lp-journey-close-error");
  await page.getByLabel("Why is the case closing?").fill("Ffion has moved to a placement in another county.");
  await page.getByRole("button", { name: "Close the case" }).click();
  await page.getByRole("heading", { level: 1, name: "Ffion Gwilt" }).waitFor();
  await settled(page);
  await expect.poll(() => main().innerText(), WAIT).toMatch(/Closed \d+ \w+ \d{4}/);
  await expect.poll(() => main().innerText(), WAIT).toContain("Ffion has moved to a placement in another county.");
  await expect
    .poll(() => timeline().innerText(), WAIT)
    .toContain(`Closed case ${caseReference}: Ffion has moved to a placement in another county.`);
  // A closed case takes nothing more.
  for (const action of ["Ask for money", "Record an unmet need", "Record a team meeting", "Close the case"])
    expect(await page.getByRole("link", { name: action }).count()).toBe(0);
  await checkPage(page, "lp-journey-case-closed");
});
