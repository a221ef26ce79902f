import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { inject } from "vitest";
// Brings in the type of what the global set-up provides.
import type {} from "./global-setup.ts";
import { recordPage } from "./page-record.ts";

const webDirectory = fileURLToPath(new URL("../..", import.meta.url));

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** The running portal (started once by the global set-up) and a Chromium of this test file's own. */
export interface PortalStack {
  baseUrl: string;
  browser: Browser;
  /** A page in a fresh browser context: its own cookies, so its own session. */
  newPage(): Promise<Page>;
  stop(): Promise<void>;
}

export async function startPortalStack(): Promise<PortalStack> {
  if (!existsSync(chromiumPath)) throw new Error(`No Chromium at ${chromiumPath}: apt-get install -y chromium`);
  // Playwright gives each launch a fresh, temporary profile (the --user-data-dir the notes ask for).
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const newPage = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB" });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    recordPage(page);
    return page;
  };
  return { baseUrl: inject("portalBaseUrl"), browser, newPage, stop: () => browser.close() };
}

export const screenshotDirectory = join(webDirectory, "test-results", "screenshots");
mkdirSync(screenshotDirectory, { recursive: true });
