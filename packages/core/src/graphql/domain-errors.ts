/**
 * An error a person can act on. Mutations return these as typed results (Pothos errors
 * plugin) carrying a stable machine-readable `code`, rather than as top-level GraphQL errors.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The input field the error concerns, so the portal can show it beside that field. */
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export class NotSignedInError extends DomainError {
  constructor() {
    super("NOT_SIGNED_IN", "Sign in to do this.");
  }
}

export class NotAuthorisedError extends DomainError {
  constructor(message = "You do not have permission to do this.") {
    super("NOT_AUTHORISED", message);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, field: string | null = null) {
    super("NOT_FOUND", `${what} was not found, or you do not have access to it.`, field);
  }
}
