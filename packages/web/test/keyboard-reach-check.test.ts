// The keyboard check every journey's pages get (checkPage) must be able to fail: a control the
// Tab key cannot reach is named, and a page where everything is reachable passes.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { settled, unreachableByKeyboard } from "./support/journey.ts";
import { type PortalStack, startPortalStack } from "./support/portal-stack.ts";

let stack: PortalStack;
let page: Page;

beforeAll(async () => {
  stack = await startPortalStack();
  page = await stack.newPage();
});
afterAll(async () => stack?.stop());

test("the sign-in page has no control the keyboard cannot reach", async () => {
  await page.goto(`${stack.baseUrl}/sign-in`);
  await settled(page);
  expect(await unreachableByKeyboard(page)).toEqual([]);
});

test("a link made unreachable (inside an inert region) is named, and the focus goes back where it was", async () => {
  await page.getByLabel("Email address").focus();
  await page.evaluate(() => {
    const region = document.createElement("div");
    region.inert = true;
    region.innerHTML = '<a href="#nowhere">A link no key reaches</a>';
    document.querySelector("main")?.append(region);
  });
  expect(await unreachableByKeyboard(page)).toEqual(['a "A link no key reaches"']);
  expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("email");
});
