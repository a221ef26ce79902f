import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase, type TestDatabase } from "@pathfinder/core/testing";
import { type Browser, chromium, type Page } from "playwright-core";
import { freePort } from "./free-port.ts";
import { startProcess, waitUntilUp } from "./processes.ts";

const webDirectory = fileURLToPath(new URL("../..", import.meta.url));
const coreDirectory = join(webDirectory, "..", "core");
const require = createRequire(import.meta.url);

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** The real platform for one test file: a fresh seeded database, the API, the built portal and Chromium. */
export interface PortalStack {
  baseUrl: string;
  browser: Browser;
  /** A page in a fresh browser context: its own cookies, so its own session. */
  newPage(): Promise<Page>;
  stop(): Promise<void>;
}

export async function startPortalStack(): Promise<PortalStack> {
  if (!existsSync(join(webDirectory, ".next", "BUILD_ID")))
    throw new Error(
      "The portal is not built: run `npm run build -w @pathfinder/web` (the package's test script does).",
    );
  if (!existsSync(chromiumPath)) throw new Error(`No Chromium at ${chromiumPath}: apt-get install -y chromium`);

  const stopping: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const step of stopping.reverse()) await step().catch(() => {});
  };
  try {
    const database: TestDatabase = await createTestDatabase();
    stopping.push(() => database.drop());

    // The API as `npm start` runs it (core's main: migrations, demo data of every scheme, HTTP).
    const apiPort = await freePort();
    const api = startProcess(process.execPath, [require.resolve("tsx/cli"), "src/main.ts"], {
      cwd: coreDirectory,
      env: { ...process.env, DATABASE_URL: database.url, API_PORT: String(apiPort), NODE_ENV: "test" },
    });
    stopping.push(() => api.stop());
    // main.ts seeds before it listens, so ready means seeded.
    await waitUntilUp(`http://127.0.0.1:${apiPort}/readyz`, api);

    const webPort = await freePort();
    const web = startProcess(
      process.execPath,
      [require.resolve("next/dist/bin/next"), "start", "-p", String(webPort), "-H", "127.0.0.1"],
      {
        cwd: webDirectory,
        env: { ...process.env, API_URL: `http://127.0.0.1:${apiPort}`, NEXT_TELEMETRY_DISABLED: "1" },
      },
    );
    stopping.push(() => web.stop());
    await waitUntilUp(`http://127.0.0.1:${webPort}/sign-in`, web);

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
    stopping.push(() => browser.close());
    const newPage = async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB" });
      return context.newPage();
    };
    return { baseUrl: `http://127.0.0.1:${webPort}`, browser, newPage, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export const screenshotDirectory = join(webDirectory, "test-results", "screenshots");
mkdirSync(screenshotDirectory, { recursive: true });
