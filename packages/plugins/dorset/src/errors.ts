/**
 * An error a co-ordinator can act on, with a stable code. Named "DomainError" so core's error
 * handling treats it as one of its own: the message and code reach the client, never masked.
 */
export class DorsetError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = "DomainError";
  }
}
