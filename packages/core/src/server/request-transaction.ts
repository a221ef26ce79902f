import type { Plugin } from "graphql-yoga";
import { withSavepoints } from "../db/authority-scope.ts";
import { type Database, inOneTransaction } from "../db/prisma-client.ts";
import type { DbClient } from "../db/transaction.ts";
import type { GraphQLContext } from "../graphql/context.ts";
import { defineAbilityFor } from "../permissions/ability.ts";
import { abilityFor } from "../permissions/ability-cache.ts";
import type { SchemePlugin } from "../plugins/plugin-contract.ts";
import { enabledSchemesFrom } from "../plugins/scheme-permissions.ts";
import type { SchemeRegistry } from "../schemes/scheme-rules.ts";
import { startRequest } from "./viewer-from-request.ts";

export interface RequestTransactionOptions {
  db: Database;
  plugins: ReadonlyMap<string, SchemePlugin>;
  /** The scheme registry for a request, reading through that request's transaction. */
  schemesFor(db: Database): SchemeRegistry;
}

/**
 * One database transaction per GraphQL request. Inside it, the session token names the viewer
 * and so the authority, which is set once (`app.authority_id`, see migration 0010); everything
 * the request reads and writes then goes through that transaction, so row-level security holds
 * it to that authority whatever a resolver forgets to filter. Each mutation is a savepoint in
 * it (graphql/mutation-savepoints.ts). The transaction may take 30 s; a connection may be
 * waited for 20 s (connection-pool.ts).
 */
export function requestTransaction(options: RequestTransactionOptions): Plugin<GraphQLContext> {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn((args) =>
        inOneTransaction(options.db, async (client) => {
          const db = withSavepoints(client);
          Object.assign(
            args.contextValue as GraphQLContext,
            await requestScope(db, args.contextValue as GraphQLContext, options),
          );
          return asItStood(await executeFn(args));
        }),
      );
    },
  };
}

/**
 * The answer as it stood when execution returned. graphql-js returns as soon as a non-null root
 * field fails, while its siblings' resolvers run on; their errors would still be pushed into the
 * answer's `errors` array, which it shares by reference, until the answer is sent, and they
 * would be about nothing but the request's transaction having ended under them.
 */
function asItStood<T>(result: T): T {
  const errors = (result as { errors?: unknown })?.errors;
  return Array.isArray(errors) ? { ...result, errors: [...errors] } : result;
}

/**
 * The parts of the context that depend on who is asking, read in the request's transaction by
 * its first statement (begin_request: session, authority, roles, cover and schemes at once).
 */
async function requestScope(db: Database, context: GraphQLContext, options: RequestTransactionOptions) {
  const start = await startRequest(db as DbClient, context.sessionToken);
  const viewer = start?.viewer ?? null;
  const enabled = start ? enabledSchemesFrom(start.schemes, options.plugins) : new Map<string, unknown>();
  return {
    db,
    viewer,
    ability: start ? abilityFor(start.viewer, start.schemes, enabled, options.plugins) : defineAbilityFor(null),
    schemes: options.schemesFor(db),
    schemesEnabled: async () => new Set(enabled.keys()),
    schemeSettings: async (schemeId: string) => enabled.get(schemeId),
  } satisfies Partial<GraphQLContext>;
}
