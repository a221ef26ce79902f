// Starts the platform once for every browser journey: core's test PostgreSQL, one database
// seeded with every scheme's demo authority, the API (core's main, as `npm start` runs it) and
// the built portal. The journeys run in different demo authorities, so they share it safely.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import coreGlobalSetup from "@pathfinder/core/test-global-setup";
import { freePort } from "@pathfinder/core/testing";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startProcess, waitUntilUp } from "./processes.ts";

declare module "vitest" {
  export interface ProvidedContext {
    portalBaseUrl: string;
    /** The same API and database without the trusted-documents manifest: for tests to set up data. */
    setupApiUrl: string;
  }
}

const webDirectory = fileURLToPath(new URL("../..", import.meta.url));
const coreDirectory = join(webDirectory, "..", "core");
const require = createRequire(import.meta.url);

async function onServer(serverUrl: string, sql: string) {
  const url = new URL(serverUrl);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(join(webDirectory, ".next", "BUILD_ID")))
    throw new Error(
      "The portal is not built: run `npm run build -w @pathfinder/web` (the package's test script does).",
    );

  const provided: Record<string, string> = {};
  const coreTeardown = await coreGlobalSetup({
    provide: (key: string, value: string) => {
      provided[key] = value;
      project.provide(key as never, value as never);
    },
  } as unknown as TestProject);
  const serverUrl = provided.postgresServerUrl as string;
  const template = provided.templateDatabase as string;
  const name = `pathfinder_web_${process.pid}`;
  const stopping: (() => Promise<unknown>)[] = [async () => coreTeardown?.()];
  const teardown = async () => {
    for (const step of stopping.reverse()) await step().catch((error) => console.error(error));
  };

  try {
    await onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await onServer(serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    stopping.push(() => onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    const databaseUrl = new URL(serverUrl);
    databaseUrl.pathname = `/${name}`;

    const apiPort = await freePort();
    const api = startProcess(process.execPath, [require.resolve("tsx/cli"), "src/main.ts"], {
      cwd: coreDirectory,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl.toString(),
        API_PORT: String(apiPort),
        NODE_ENV: "test",
        // The built portal sends documents by hash, as in production: the API knows only these.
        PERSISTED_DOCUMENTS_MANIFEST: join(webDirectory, "lib", "generated", "persisted-documents.json"),
      },
    });
    stopping.push(() => api.stop());
    // main.ts migrates and seeds before it listens, so ready means seeded.
    await waitUntilUp(`http://127.0.0.1:${apiPort}/readyz`, api);
    // Tests set up data (and read figures to compare) with documents of their own, which the
    // portal's API refuses as it would in production: they use a second API on the same database.
    const setupApiPort = await freePort();
    const setupApi = startProcess(process.execPath, [require.resolve("tsx/cli"), "src/main.ts"], {
      cwd: coreDirectory,
      env: { ...process.env, DATABASE_URL: databaseUrl.toString(), API_PORT: String(setupApiPort), NODE_ENV: "test" },
    });
    stopping.push(() => setupApi.stop());
    await waitUntilUp(`http://127.0.0.1:${setupApiPort}/readyz`, setupApi);
    project.provide("setupApiUrl", `http://127.0.0.1:${setupApiPort}`);

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
    project.provide("portalBaseUrl", `http://127.0.0.1:${webPort}`);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
