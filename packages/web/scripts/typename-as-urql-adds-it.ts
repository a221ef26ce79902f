import type { Types } from "@graphql-codegen/plugin-helpers";
import { Kind, type SelectionSetNode, visit } from "graphql";

/**
 * Adds `__typename` to every selection set except an operation's root, exactly where urql's
 * `formatDocument` adds it before sending a document's text. The trusted-documents manifest is
 * what the API runs in production (the portal sends only a hash there), so it must ask for what
 * urql would have asked for: graphcache needs `__typename` on every object to normalise it, and the
 * root must stay without one, or `data` gains a `__typename: "Mutation"` key that code reading the
 * operation's one field takes for the result. (graphql-codegen's
 * addTypenameSelectionDocumentTransform adds it at query and mutation roots too: that difference
 * broke every mutation form in production.) lib/trusted-documents.test.ts holds the manifest to
 * urql's own formatDocument.
 */
export const typenameAsUrqlAddsIt: Types.DocumentTransformObject = {
  transform: ({ documents }) =>
    documents.map((source) => ({
      ...source,
      document: source.document && visit(source.document, { SelectionSet: withTypename }),
    })),
};

function withTypename(node: SelectionSetNode, _key: unknown, parent: unknown): SelectionSetNode | undefined {
  const operationRoot = (parent as { kind?: string } | undefined)?.kind === Kind.OPERATION_DEFINITION;
  const hasTypename = node.selections.some(
    (selection) => selection.kind === Kind.FIELD && selection.name.value === "__typename" && !selection.alias,
  );
  if (operationRoot || hasTypename) return undefined;
  return {
    ...node,
    selections: [...node.selections, { kind: Kind.FIELD, name: { kind: Kind.NAME, value: "__typename" } }],
  };
}
