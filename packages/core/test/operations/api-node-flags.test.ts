import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { API_NODE_FLAGS } from "../../../../scripts/api-node-flags.mjs";
import { repositoryRoot } from "../../src/db/repository-paths.ts";

// The API's V8 settings are written in three places that cannot import one list: core's
// `start:prod` script, the Dockerfile's CMD and `npm run start:prod` (which does import it).
// The benchmark measures with the list (bench/layers.ts), so a place that lost a flag would run
// production unlike what was measured.
const read = (path: string) => readFileSync(`${repositoryRoot}${path}`, "utf8");

describe("the API process's V8 flags", () => {
  it("are the same in core's start:prod, the Dockerfile's CMD and npm run start:prod", () => {
    const coreScript = JSON.parse(read("packages/core/package.json")).scripts["start:prod"] as string;
    const dockerCommand = JSON.parse(/^CMD (\[.*\])$/m.exec(read("Dockerfile"))?.[1] ?? "[]") as string[];
    expect(API_NODE_FLAGS.length).toBeGreaterThan(0);
    expect(coreScript.split(" ").slice(1, 1 + API_NODE_FLAGS.length)).toEqual([...API_NODE_FLAGS]);
    expect(dockerCommand.slice(1, 1 + API_NODE_FLAGS.length)).toEqual([...API_NODE_FLAGS]);
    expect(read("scripts/start-prod.mjs")).toContain('args: [...API_NODE_FLAGS, "--import", "tsx"');
  });

  it("are flags this Node accepts", async () => {
    const { execFileSync } = await import("node:child_process");
    expect(execFileSync(process.execPath, [...API_NODE_FLAGS, "-e", "process.stdout.write('ok')"]).toString()).toBe(
      "ok",
    );
  });
});
