// `npm run schema:breaking`: lists how the API contract differs from the last release (breaking,
// dangerous, safe) and fails on a breaking change unless the version's major has been bumped.
// Options, for checking other files: --against <released.graphql> --current <schema.graphql>
// --version <the version being built>.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { parseArgs } from "node:util";
import semver from "semver";
import { repositoryRoot } from "../db/repository-paths.ts";
import { type ApiRelease, latestRelease } from "./api-releases.ts";
import { compareContracts } from "./breaking-changes.ts";
import { platformVersion, printContract } from "./contract.ts";

const { values: options } = parseArgs({
  options: { against: { type: "string" }, current: { type: "string" }, version: { type: "string" } },
});

const release: ApiRelease | null = options.against
  ? {
      version:
        semver.valid(
          options.against
            .split("/")
            .pop()
            ?.replace(/\.graphql$/, ""),
        ) ?? "0.0.0",
      path: options.against,
      sdl: readFileSync(options.against, "utf8"),
    }
  : latestRelease();
if (!release) {
  console.log("No API release yet (api/releases/ is empty): nothing to compare against.");
  process.exit(0);
}

const version = options.version ?? platformVersion();
const current = options.current ? readFileSync(options.current, "utf8") : await printContract();
const changes = await compareContracts(release.sdl, current);

console.log(`API contract ${version} against release ${release.version} (${relative(repositoryRoot, release.path)}):`);
for (const [heading, list] of [
  ["Breaking", changes.breaking],
  ["Dangerous", changes.dangerous],
  ["Safe", changes.safe],
] as const) {
  console.log(`${heading} changes: ${list.length}`);
  for (const message of list) console.log(`  - ${message}`);
}

const majorBumped = semver.major(version) > semver.major(release.version);
if (changes.breaking.length > 0 && !majorBumped) {
  console.error(
    `\n${changes.breaking.length} breaking change(s) without a new major version (${version} after ${release.version}). ` +
      "Deprecate instead of removing or changing (docs/api.md, Deprecations), or bump the major version.",
  );
  process.exit(1);
}
console.log(
  changes.breaking.length > 0 ? "Breaking changes are allowed: the major version is new." : "No breaking changes.",
);
