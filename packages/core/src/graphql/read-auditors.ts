import type { GraphQLContext } from "./context.ts";

type ReadAuditor = (context: GraphQLContext, row: { id: string } & Record<string, unknown>) => Promise<void>;

/**
 * Types whose single-record reads must be audited (a child's record, a case), keyed by
 * GraphQL type name. Domain files register here; the relay `node` and `nodes` queries call
 * them, so fetching a record by global ID is logged exactly like its own query.
 */
const auditors = new Map<string, ReadAuditor>();

export function auditReadsOf(typename: string, auditor: ReadAuditor): void {
  auditors.set(typename, auditor);
}

/** Logs the read of each loaded node whose type is audited. Awaited: no log, no record. */
export async function auditNodeReads(
  context: GraphQLContext,
  typenames: string[],
  nodes: readonly unknown[],
): Promise<void> {
  await Promise.all(
    nodes.map((node, index) => {
      const auditor = auditors.get(typenames[index] ?? "");
      return node && auditor ? auditor(context, node as { id: string }) : undefined;
    }),
  );
}
