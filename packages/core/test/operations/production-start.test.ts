import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asApplicationRole } from "../../src/db/application-role.ts";
import { repositoryRoot } from "../../src/db/repository-paths.ts";
import { freePort } from "../support/free-port.ts";
import { createEmptyDatabase } from "../support/test-database.ts";

// A deployment as docs/operations.md describes it, on a real PostgreSQL: `npm run db:migrate`
// against an empty database, then `npm run start:prod` serving it. The commands are core's
// package.json scripts themselves, so the test breaks if they do.
const scripts = JSON.parse(readFileSync(`${repositoryRoot}packages/core/package.json`, "utf8")).scripts;
const LOCAL_APP_PASSWORD = "pathfinder-app-local";
const CONFIG_VARIABLES = ["DATABASE_URL", "APP_DATABASE_URL", "APP_DATABASE_PASSWORD", "API_PORT", "NODE_ENV", "CI"];

function startScript(name: string, variables: Record<string, string>): ChildProcess & { output: () => string } {
  const [command, ...args] = (scripts[name] as string).split(" ");
  const executable = command === "node" ? process.execPath : `${repositoryRoot}node_modules/.bin/${command}`;
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !CONFIG_VARIABLES.includes(key)));
  const child = spawn(executable, args, { cwd: `${repositoryRoot}packages/core`, env: { ...env, ...variables } });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  return Object.assign(child, { output: () => output });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.on("exit", (code) => resolve(code));
  });

async function until(condition: () => boolean, what: () => string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting: ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
let api: ReturnType<typeof startScript> | undefined;
beforeAll(async () => {
  database = await createEmptyDatabase();
});
afterAll(async () => {
  if (api && api.exitCode === null) api.kill("SIGKILL");
  await database.drop();
});

describe("a production deployment: migrate, then start", () => {
  it("npm run db:migrate brings an empty database up to date, and a second run has nothing to do", async () => {
    // The test server's application role already logs in with the local password; giving the same one
    // here exercises the login step without changing it under the other test files.
    const first = startScript("migrate", { DATABASE_URL: database.url, APP_DATABASE_PASSWORD: LOCAL_APP_PASSWORD });
    expect(await exited(first), first.output()).toBe(0);
    expect(first.output()).toMatch(/Applied \d+ migration\(s\)/);
    expect(first.output()).toContain("The application role pathfinder_app logs in with APP_DATABASE_PASSWORD.");
    const again = startScript("migrate", { DATABASE_URL: database.url });
    expect(await exited(again), again.output()).toBe(0);
    expect(again.output()).toContain("The database is up to date.");
  }, 120_000);

  it("npm run start:prod serves /healthz, /readyz and GraphQL from that database, and stops cleanly", async () => {
    const port = await freePort();
    // As compose.yaml runs it: the API holds only the application role's URL, not the owner's.
    api = startScript("start:prod", {
      APP_DATABASE_URL: asApplicationRole(database.url, LOCAL_APP_PASSWORD),
      API_PORT: String(port),
      // This test's own documents are not the portal's: any document is allowed, said explicitly.
      GRAPHQL_ALLOW_ANY_DOCUMENT: "true",
    });
    await until(
      () => api?.output().includes(`Listening on port ${port}`) === true || api?.exitCode !== null,
      () => api?.output() ?? "",
    );
    expect(api.exitCode, api.output()).toBeNull();

    const base = `http://127.0.0.1:${port}`;
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    // Readiness is what an orchestrator polls: the first query (Prisma compiling its plan, the
    // pool's first connection) may miss the 2 s check on a busy machine, so poll as it would.
    let readiness: unknown;
    for (let attempt = 0; attempt < 15; attempt++) {
      readiness = await (await fetch(`${base}/readyz`)).json();
      if ((readiness as { ready?: boolean }).ready) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    expect(readiness).toEqual({ ready: true, database: "up" });
    const graphql = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      // Sign-in reads the staff table as the application role: the API's own connection works.
      body: JSON.stringify({
        query: `mutation { signIn(email: "nobody@council.example", password: "wrong") { ... on Error { code } } }`,
      }),
    });
    const answer = await graphql.json();
    expect(answer).toEqual({ data: { signIn: { code: "BAD_CREDENTIALS" } } });
    // No GraphiQL in production.
    const page = await fetch(`${base}/graphql`, { headers: { accept: "text/html" } });
    expect(page.headers.get("content-type") ?? "").not.toContain("text/html");

    api.kill("SIGTERM");
    expect(await exited(api)).toBe(0);
    expect(api.output()).toContain("Stopped cleanly.");
  }, 120_000);

  it("npm run start:prod refuses to start without its database, naming what is missing", async () => {
    const refused = startScript("start:prod", {});
    expect(await exited(refused)).toBe(1);
    expect(refused.output()).toContain("DATABASE_URL (or APP_DATABASE_URL) is required in production");
    expect(refused.output()).toContain("APP_DATABASE_PASSWORD (or APP_DATABASE_URL) is required in production");
  }, 60_000);
});
