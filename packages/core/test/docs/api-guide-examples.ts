// Reads the worked examples out of docs/api.md: each ```graphql block, who runs it (its first
// line, "# As <e-mail>" or "# Anyone"), and the ```json block of variables right after it, if any.
import { readFileSync } from "node:fs";
import { parse } from "graphql";
import { repositoryRoot } from "../../src/db/repository-paths.ts";

export interface GuideExample {
  operationName: string;
  query: string;
  /** The member of staff who runs it; null for "Anyone" (no session). */
  as: string | null;
  variables: Record<string, unknown>;
}

const FENCE = /```(\w+)\n([\s\S]*?)```/g;

export function guideExamples(path = `${repositoryRoot}docs/api.md`): GuideExample[] {
  const text = readFileSync(path, "utf8");
  const blocks = [...text.matchAll(FENCE)].map((match) => ({
    language: match[1],
    body: match[2] as string,
    start: match.index,
    end: match.index + match[0].length,
  }));
  const examples: GuideExample[] = [];
  blocks.forEach((block, index) => {
    if (block.language !== "graphql") return;
    const next = blocks[index + 1];
    const variablesFollow = next?.language === "json" && text.slice(block.end, next.start).trim() === "";
    const who = block.body.split("\n")[0]?.match(/^# (?:As (\S+)|Anyone)/);
    if (!who) throw new Error(`An example in docs/api.md does not say who runs it:\n${block.body}`);
    const operation = parse(block.body).definitions[0] as { name?: { value: string } };
    if (!operation.name) throw new Error(`Name every example's operation:\n${block.body}`);
    examples.push({
      operationName: operation.name.value,
      query: block.body,
      as: who[1] ?? null,
      variables: variablesFollow ? JSON.parse(next.body) : {},
    });
  });
  return examples;
}

/** Replaces each `"{{Operation.path.to.value}}"` with that value from an earlier example's answer. */
export function fillIn(value: unknown, answers: Map<string, unknown>): unknown {
  if (typeof value === "string") {
    const reference = value.match(/^\{\{(\w+)\.([\w.]+)\}\}$/);
    if (!reference) return value;
    const [, operation, path] = reference as unknown as [string, string, string];
    if (!answers.has(operation)) throw new Error(`${value} refers to an example that has not run yet`);
    const found = path.split(".").reduce<any>((at, key) => at?.[key], answers.get(operation));
    if (found === undefined) throw new Error(`${value} is not in ${operation}'s answer`);
    return found;
  }
  if (Array.isArray(value)) return value.map((item) => fillIn(item, answers));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fillIn(item, answers)]));
  return value;
}
