import { isUuid } from "../domain/uuid.ts";
import { DomainError } from "./domain-errors.ts";

/**
 * The row id inside a decoded relay global ID, checked to be of the expected type. A global
 * ID of another type (or not a UUID) matches nothing, and says so against its field.
 */
export function idOfType(globalId: { typename: string; id: string }, typename: string, field: string): string {
  if (globalId.typename !== typename || !isUuid(globalId.id))
    throw new DomainError(
      "NOT_FOUND",
      `That is not the id of a ${typename.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()}.`,
      field,
    );
  return globalId.id;
}

/** The row id inside a global ID of the given type, or null for any other type or a non-UUID. */
export function rowIdOf(globalId: { typename: string; id: string }, typename: string): string | null {
  return globalId.typename === typename && isUuid(globalId.id) ? globalId.id : null;
}

/** A list filter on `column` by global ID. An ID of another type matches no row, rather than failing. */
export function whereGlobalId<C extends string>(
  column: C,
  globalId: { typename: string; id: string },
  typename: string,
) {
  const id = rowIdOf(globalId, typename);
  return id ? ({ [column]: id } as Record<C, string>) : { id: { in: [] as string[] } };
}
