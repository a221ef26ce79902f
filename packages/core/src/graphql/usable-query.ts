/**
 * Pothos' prisma plugin hands resolvers the `select` the client's query needs. When a client
 * asks a mutation's result for nothing but `__typename`, that select is empty, which Prisma
 * rejects; an empty query object loads the row plainly instead.
 */
export function usableQuery<T extends object>(query: T): T {
  const select = (query as { select?: object }).select;
  return select && Object.keys(select).length === 0 ? ({} as T) : query;
}
