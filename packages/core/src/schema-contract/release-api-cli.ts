// `npm run api:release`: snapshots the API contract as api/releases/<version>.graphql, the
// version being the root package.json's. Run it when cutting a release, after bumping the version;
// later `npm run schema:breaking` compares against it. A released contract never changes, so an
// existing snapshot that differs is refused.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { releasesDirectory } from "./api-releases.ts";
import { platformVersion, printContract } from "./contract.ts";

const version = platformVersion();
const path = `${releasesDirectory}${version}.graphql`;
const contract = await printContract();

if (existsSync(path)) {
  if (readFileSync(path, "utf8") === contract) {
    console.log(`${path} is already this contract.`);
    process.exit(0);
  }
  console.error(`Version ${version} was released with a different contract: bump the version before releasing.`);
  process.exit(1);
}
mkdirSync(releasesDirectory, { recursive: true });
writeFileSync(path, contract);
console.log(`Wrote ${path}: commit it with the release.`);
