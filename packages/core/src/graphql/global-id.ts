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
