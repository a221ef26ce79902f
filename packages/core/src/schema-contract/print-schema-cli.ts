// `npm run schema` writes the API contract (schema.graphql at the repository root) from the
// composition root's plugins; `npm run schema -- --check` fails when the committed file is stale,
// so a change to the API cannot land without its contract.
import { readFileSync, writeFileSync } from "node:fs";
import { contractPath, printContract } from "./contract.ts";

const printed = await printContract();

if (process.argv.includes("--check")) {
  let committed = "";
  try {
    committed = readFileSync(contractPath, "utf8");
  } catch {}
  if (committed !== printed) {
    console.error("schema.graphql is stale: run `npm run schema` and commit the result.");
    process.exit(1);
  }
  console.log("schema.graphql matches the API.");
} else {
  writeFileSync(contractPath, printed);
  console.log(`Wrote ${contractPath}`);
}
