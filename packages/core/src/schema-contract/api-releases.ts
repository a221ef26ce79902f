// Released API contracts are committed as `api/releases/<version>.graphql`, written by
// `npm run api:release` when a version is cut. Snapshots in the repository (rather than schemas
// rebuilt from git tags) mean CI's shallow, tag-less clone has everything the breaking-change
// report needs.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import semver from "semver";
import { repositoryRoot } from "../db/repository-paths.ts";

export const releasesDirectory = `${repositoryRoot}api/releases/`;

export interface ApiRelease {
  version: string;
  path: string;
  sdl: string;
}

/** The newest released contract in `directory` by semantic version, or null before the first release. */
export function latestRelease(directory = releasesDirectory): ApiRelease | null {
  if (!existsSync(directory)) return null;
  const versions = readdirSync(directory)
    .filter((name) => name.endsWith(".graphql"))
    .map((name) => name.slice(0, -".graphql".length))
    .filter((version) => semver.valid(version))
    .sort(semver.rcompare);
  const version = versions[0];
  if (!version) return null;
  const path = `${directory}${version}.graphql`;
  return { version, path, sdl: readFileSync(path, "utf8") };
}
