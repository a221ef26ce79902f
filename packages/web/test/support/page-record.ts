import type { Page } from "playwright-core";

/**
 * What a page said while a journey drove it: its console errors, uncaught exceptions and the
 * API's answers (operation, status, errors, the start of the body). Kept so that a failed journey
 * shows why the page did not do what was expected (a refused document, an exception in a form),
 * not only a screenshot of it not happening.
 */
const records = new WeakMap<Page, string[]>();
const KEPT = 60;

function note(page: Page, line: string) {
  const lines = records.get(page) ?? [];
  lines.push(`${new Date().toISOString()} ${line}`);
  if (lines.length > KEPT) lines.shift();
  records.set(page, lines);
}

export function recordPage(page: Page) {
  records.set(page, []);
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning")
      note(page, `console.${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => note(page, `uncaught: ${error.stack ?? error.message}`));
  page.on("response", async (response) => {
    if (!new URL(response.url()).pathname.endsWith("/graphql")) return;
    const request = response.request().postDataJSON() as { operationName?: string; extensions?: unknown } | null;
    const body = await response.text().catch(() => "(no body)");
    note(page, `${request?.operationName ?? "GET"} ${response.status()} ${body.slice(0, 600)}`);
  });
}

/** The page's record, newest last. */
export function pageRecord(page: Page): string[] {
  return records.get(page) ?? [];
}
