import { writeFileSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { pageRecord } from "./page-record.ts";
import { screenshotDirectory } from "./portal-stack.ts";

export const DEMO_PASSWORD = "pathfinder-demo";

/** How long to wait for what a person would wait for: generous, as CI machines are shared. */
export const WAIT = { timeout: 60_000, interval: 250 };

/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/** Waits for the page to finish loading its data (no "Loading…" left). */
export async function settled(page: Page) {
  await page.waitForLoadState("networkidle");
  await expect
    .poll(
      () =>
        page
          .getByRole("status")
          .filter({ hasText: /^Loading/ })
          .count(),
      WAIT,
    )
    .toBe(0);
}

/**
 * The checks every page visited gets: no WCAG 2.2 AA violation axe-core can find, every control
 * on it reachable with the Tab key, and a screenshot kept as a test artifact.
 */
export async function checkPage(page: Page, name: string) {
  await settled(page);
  const results = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  const violations = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`,
  );
  expect(violations, `accessibility of ${name} (${page.url()})`).toEqual([]);
  expect(await unreachableByKeyboard(page), `controls the Tab key never reaches on ${name}`).toEqual([]);
  await page.screenshot({ path: join(screenshotDirectory, `${name}.png`), fullPage: true });
}

const CONTROLS = "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]";

/**
 * Presses Tab from the top of the page to its end and names every visible, enabled control it
 * never reached: what someone without a mouse could not use. A radio group counts once (Tab
 * enters it once; the arrow keys move within it). The focus is put back where it was, so a
 * journey driven by the keyboard carries on from the same place.
 */
export async function unreachableByKeyboard(page: Page): Promise<string[]> {
  const controls = await page.evaluate((selector) => {
    const all = [...document.querySelectorAll<HTMLElement>(selector)].filter(
      (element) =>
        element.tabIndex >= 0 &&
        !element.matches(":disabled") &&
        // Not in a closed <details> or anything else hidden (checkVisibility knows them all).
        element.checkVisibility({ visibilityProperty: true }),
    );
    all.forEach((element, index) => {
      element.dataset.keyboardCheck = String(index);
    });
    // Tab starts after a focused element: a temporary one at the very top starts it at the top.
    const top = document.createElement("span");
    top.tabIndex = -1;
    top.dataset.keyboardCheckTop = "";
    document.body.prepend(top);
    (document.activeElement as HTMLElement | null)?.setAttribute("data-keyboard-check-return", "");
    top.focus();
    return all.map((element, index) => ({
      key: element instanceof HTMLInputElement && element.type === "radio" ? `radio:${element.name}` : String(index),
      describe: `${element.tagName.toLowerCase()} "${(element.textContent || element.getAttribute("aria-label") || element.getAttribute("name") || "").trim().slice(0, 40)}"`,
    }));
  }, CONTROLS);
  const reached = new Set<string>();
  // Chromium also stops on things that are not controls (a scrolling table's box), so the walk
  // ends only when the focus leaves the document, past its last stop.
  for (let presses = 0; presses < controls.length * 2 + 20; presses++) {
    await page.keyboard.press("Tab");
    const at = await page.evaluate(() =>
      document.activeElement && document.activeElement !== document.body
        ? ((document.activeElement as HTMLElement).dataset.keyboardCheck ?? "another stop")
        : null,
    );
    if (at === null) break;
    const control = controls[Number(at)];
    if (control) reached.add(control.key);
  }
  await page.evaluate(() => {
    document.querySelector("[data-keyboard-check-top]")?.remove();
    for (const element of document.querySelectorAll<HTMLElement>("[data-keyboard-check]"))
      delete element.dataset.keyboardCheck;
    const back = document.querySelector<HTMLElement>("[data-keyboard-check-return]");
    back?.removeAttribute("data-keyboard-check-return");
    back?.focus();
  });
  const missed = controls.filter((control) => !reached.has(control.key)).map((control) => control.describe);
  return [...new Set(missed)];
}

export async function signIn(page: Page, baseUrl: string, email: string) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { level: 1, name: /^Hello/ }).waitFor();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/sign-in/);
}

/**
 * Presses Tab until `target` has the focus, as someone using the keyboard would: fails if it
 * cannot be reached within `limit` presses.
 */
export async function tabTo(page: Page, target: Locator, limit = 120) {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Could not reach ${target} with the Tab key in ${limit} presses`);
}

/** Tabs to a field and types into it. */
export async function typeInto(page: Page, target: Locator, text: string) {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

/** Tabs to a link or button and presses Enter. */
export async function activate(page: Page, target: Locator) {
  await tabTo(page, target);
  await page.keyboard.press("Enter");
}

/**
 * Keeps a screenshot of the page when a test fails, beside the others, with what the page logged
 * and what the API answered it (FAILED-<name>.log, also printed).
 */
export async function screenshotFailure(page: Page | undefined, name: string) {
  if (!page) return;
  await page.screenshot({ path: join(screenshotDirectory, `FAILED-${name}.png`), fullPage: true }).catch(() => {});
  const record = pageRecord(page).join("\n");
  writeFileSync(join(screenshotDirectory, `FAILED-${name}.log`), record);
  console.error(`What the page logged and the API answered, newest last (${name}):\n${record}`);
}

/** Fills in one item of the purchase request form. */
export async function fillItem(page: Page, item: { description: string; category: string; cost: string }) {
  await page.getByLabel("What it is").fill(item.description);
  await page.getByLabel("Kind of help").selectOption({ label: item.category });
  await page.getByLabel("Cost of one").fill(item.cost);
}
