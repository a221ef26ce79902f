// `npm run operation-sizes -- <file>`: the largest figure of each limit among the operations in
// <file> (JSON lines of { query, variables }, as RECORD_OPERATIONS=<file> makes the test client
// write them, or a persisted-documents manifest), to choose OPERATION_LIMITS with headroom.
import { readFileSync } from "node:fs";
import { loadConfig } from "../config.ts";
import { buildSchema } from "../graphql/schema.ts";
import { OPERATION_LIMITS } from "./operation-limits.ts";
import { type OperationSize, operationSize, placeholderVariables } from "./operation-sizes.ts";

const file = process.argv[2];
if (!file) throw new Error("Usage: npm run operation-sizes -- <operations.jsonl | persisted-documents.json>");
const text = readFileSync(file, "utf8");
const operations: { query: string; variables: Record<string, unknown> }[] = file.endsWith(".jsonl")
  ? text
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line))
  : Object.values(JSON.parse(text) as Record<string, string>).map((query) => ({ query, variables: {} }));

const schema = buildSchema((await loadConfig()).plugins);
const largest = new Map<keyof OperationSize, { figure: number; query: string }>();
let measuredCount = 0;
for (const { query, variables } of operations) {
  let size: OperationSize;
  try {
    const given = variables && Object.keys(variables).length > 0 ? variables : placeholderVariables(schema, query);
    size = operationSize(schema, query, given);
  } catch (error) {
    // Operations the tests send on purpose to be refused (bad syntax, unknown fields).
    if (process.env.VERBOSE) console.log(`not measured: ${(error as Error).message.slice(0, 120)}`);
    continue;
  }
  measuredCount += 1;
  for (const [measure, figure] of Object.entries(size) as [keyof OperationSize, number][]) {
    if (figure > (largest.get(measure)?.figure ?? -1)) largest.set(measure, { figure, query });
  }
}
console.log(
  `${measuredCount} operations measured (${new Set(operations.map((o) => o.query)).size} distinct documents)`,
);
for (const [measure, { figure, query }] of largest) {
  const limit = OPERATION_LIMITS[measure];
  console.log(
    `${measure.padEnd(11)} largest ${String(figure).padStart(6)}  limit ${String(limit).padStart(6)}  ${query.replace(/\s+/g, " ").slice(0, 90)}`,
  );
}
