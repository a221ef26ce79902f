// In production the portal sends each operation by hash and the API runs the manifest's text
// (lib/generated/persisted-documents.json) in its place. These hold the manifest to what the portal
// would otherwise have sent, so production answers every page and form exactly as development does.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { formatDocument } from "@urql/core";
import { type ASTNode, type DocumentNode, Kind, parse, print, type SelectionSetNode, visit } from "graphql";
import { describe, expect, test } from "vitest";
import * as generated from "./generated/graphql";
import manifestJson from "./generated/persisted-documents.json";

const manifest = manifestJson as Record<string, string>;
const webDirectory = fileURLToPath(new URL("..", import.meta.url));

type SentDocument = DocumentNode & { __meta__?: { hash?: string } };
const documents = Object.entries(generated).filter(
  (entry): entry is [string, SentDocument] =>
    typeof entry[1] === "object" && entry[1] !== null && (entry[1] as DocumentNode).kind === Kind.DOCUMENT,
);

const inOrder = <Node extends ASTNode>(nodes: readonly Node[]) =>
  [...nodes].sort((a, b) => print(a).localeCompare(print(b)));

/** Definitions, variables, arguments and selections in a fixed order: documents that ask for the same compare equal. */
const canonical = (document: DocumentNode) => {
  const sorted = visit(document, {
    OperationDefinition: (node) => ({ ...node, variableDefinitions: inOrder(node.variableDefinitions ?? []) }),
    Field: (node) => ({ ...node, arguments: inOrder(node.arguments ?? []) }),
    SelectionSet: (node: SelectionSetNode) => ({ ...node, selections: inOrder(node.selections) }),
  });
  return inOrder(sorted.definitions).map(print).join("\n");
};

/** The document as written in the portal's source, before any __typename was added to it. */
const withoutTypenames = (document: DocumentNode) =>
  visit(document, { Field: (node) => (node.name.value === "__typename" && !node.alias ? null : undefined) });

const operations = documents.filter(([, document]) =>
  document.definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION),
);

describe("the trusted-documents manifest is what the portal sends", () => {
  test(`every one of the portal's ${operations.length} operations is in the manifest under the hash it is sent by`, () => {
    expect(operations.length).toBeGreaterThan(20);
    const problems = operations.flatMap(([name, document]) => {
      const hash = document.__meta__?.hash;
      if (!hash) return [`${name} has no hash: production would send its text, and the API refuses it`];
      const text = manifest[hash];
      if (text === undefined) return [`${name}: ${hash} is not in the manifest`];
      const digest = `sha256:${createHash("sha256").update(text).digest("hex")}`;
      if (digest !== hash) return [`${name}: the manifest's text hashes to ${digest}, not ${hash}`];
      if (canonical(parse(text)) !== canonical(document)) return [`${name}: the manifest's text differs`];
      return [];
    });
    expect(problems).toEqual([]);
    expect(Object.keys(manifest).length).toBe(operations.length);
  });

  test("each asks for exactly what urql would send for the same source: __typename where urql adds it, none at the root", () => {
    const problems = Object.entries(manifest).flatMap(([hash, text]) => {
      const asUrqlSends = canonical(formatDocument(withoutTypenames(parse(text))));
      return canonical(parse(text)) === asUrqlSends ? [] : [`${hash}: ${text.slice(0, 80)}…`];
    });
    expect(problems).toEqual([]);
  });

  test("no portal source builds a document of its own (only graphql() from lib/generated, which the manifest covers)", () => {
    const sources = (directory: string): string[] =>
      readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
        const path = join(directory, entry.name);
        if (entry.isDirectory()) return entry.name === "generated" ? [] : sources(path);
        return /\.tsx?$/.test(entry.name) && !entry.name.includes(".test.") ? [path] : [];
      });
    const building =
      /\bgql\s*`|import\s*\{[^}]*\b(gql|parse)\b[^}]*\}\s*from\s*"(urql|@urql\/[^"]+|graphql|graphql-tag)"/;
    const offenders = ["app", "components", "lib"]
      .flatMap((folder) => sources(join(webDirectory, folder)))
      .filter((path) => building.test(readFileSync(path, "utf8")))
      .map((path) => relative(webDirectory, path));
    expect(offenders).toEqual([]);
  });
});
