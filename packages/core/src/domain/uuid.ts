const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids inside global IDs come from clients: anything that is not a UUID matches no row. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
