import { DomainError } from "../graphql/domain-errors.ts";

export class DuplicateSupplierError extends DomainError {
  constructor(name: string) {
    super(
      "DUPLICATE_SUPPLIER",
      `There is already a supplier called "${name}". Use that one, or give this one a name that tells them apart.`,
      "name",
    );
  }
}
