import { type DocumentNode, Kind } from "graphql";

/**
 * The result of an operation's one root field, looked up by its response name in the document
 * rather than by position in `data`: `data` may carry other keys (a root `__typename`, for one),
 * and code that took the first value for the result read "Mutation" instead.
 */
export function rootFieldResult<Result>(document: DocumentNode, data: unknown): Result | undefined {
  if (!data || typeof data !== "object") return undefined;
  return (data as Record<string, Result | undefined>)[rootFieldName(document)];
}

function rootFieldName(document: DocumentNode): string {
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const fields = (operation?.selectionSet.selections ?? []).flatMap((selection) =>
    selection.kind === Kind.FIELD && selection.name.value !== "__typename" ? [selection] : [],
  );
  const [field] = fields;
  if (!field || fields.length > 1) throw new Error(`Expected an operation with one root field, found ${fields.length}`);
  return (field.alias ?? field.name).value;
}
