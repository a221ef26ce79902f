// The API contract as text: the schema of core and the composition root's plugins, printed in a
// stable order. `schema.graphql`, release snapshots and the breaking-change report all use this.
import { readFileSync } from "node:fs";
import { lexicographicSortSchema, printSchema } from "graphql";
import { loadConfig } from "../config.ts";
import { repositoryRoot } from "../db/repository-paths.ts";
import { buildSchema } from "../graphql/schema.ts";

export const contractPath = `${repositoryRoot}schema.graphql`;

export async function printContract(): Promise<string> {
  const config = await loadConfig();
  return `${printSchema(lexicographicSortSchema(buildSchema(config.plugins)))}\n`;
}

/** The platform's release version: the root package.json's, which `npm run api:release` snapshots under. */
export function platformVersion(): string {
  const root = JSON.parse(readFileSync(`${repositoryRoot}package.json`, "utf8")) as { version?: string };
  if (!root.version) throw new Error("The root package.json has no version.");
  return root.version;
}
