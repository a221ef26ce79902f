import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  getArgumentValues,
  getOperationAST,
  Kind,
  type SelectionSetNode,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import { hashSessionToken } from "../auth/session-tokens.ts";
import { accountKey, beginPasswordAttempt, TooManyAttemptsError } from "../auth/sign-in-throttle.ts";
import type { Database } from "../db/prisma-client.ts";
import type { GraphQLContext } from "../graphql/context.ts";

/** The mutations that check a password, and whose attempts they count against. */
const PASSWORD_CHECKS: Record<string, (args: Record<string, unknown>, context: GraphQLContext) => string | null> = {
  signIn: (args) => (typeof args.email === "string" ? accountKey(args.email) : null),
  // Signed in already: guesses at the current password are counted against the session.
  changePassword: (_args, context) =>
    context.sessionToken ? `session:${hashSessionToken(context.sessionToken)}` : null,
};

/** Every top-level field of the mutation, through inline fragments and fragment spreads. */
function topLevelFields(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
): FieldNode[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return topLevelFields(selection.selectionSet, fragments, seen);
    const fragment = fragments.get(selection.name.value);
    if (!fragment || seen.has(fragment.name.value)) return [];
    seen.add(fragment.name.value);
    return topLevelFields(fragment.selectionSet, fragments, seen);
  });
}

/**
 * Records and counts every password check of a request (each aliased `signIn` counts) on the
 * pooled client BEFORE the request's transaction opens, and marks the successful ones after it
 * has committed. Two reasons it sits outside that transaction: a refused sign-in rolls back its
 * mutation's savepoint, which would take the record of the failure with it; and concurrent
 * guesses must see each other's records at once, which only committed rows give. Holding no
 * connection while it waits for another, it cannot exhaust the pool under a burst of sign-ins.
 * The resolvers learn the verdict from `context.passwordAttempts` (auth/password-attempt.ts).
 */
export function passwordAttemptLimits(db: Database): Plugin<GraphQLContext> {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== "mutation") return;
      const context = args.contextValue as GraphQLContext;
      const checks = passwordChecks(
        args.schema,
        args.document.definitions,
        operation.selectionSet,
        args.variableValues ?? {},
        context,
      );
      if (checks.length === 0) return;
      setExecuteFn(async (executeArgs) => {
        const attempts = [];
        for (const { key, account } of checks) {
          try {
            const attempt = await beginPasswordAttempt(db, account, context.clientAddress);
            context.passwordAttempts.set(key, { refused: false, succeeded: false });
            attempts.push({ key, attempt });
          } catch (error) {
            if (!(error instanceof TooManyAttemptsError)) throw error;
            context.passwordAttempts.set(key, { refused: true, succeeded: false });
          }
        }
        const result = await executeFn(executeArgs);
        for (const { key, attempt } of attempts)
          if (context.passwordAttempts.get(key)?.succeeded) await attempt.succeeded();
        return result;
      });
    },
  };
}

function passwordChecks(
  schema: GraphQLSchema,
  definitions: readonly { kind: string }[],
  selectionSet: SelectionSetNode,
  variables: Record<string, unknown>,
  context: GraphQLContext,
) {
  const fragments = new Map(
    definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const mutation = schema.getMutationType();
  const checks: { key: string; account: string }[] = [];
  for (const field of topLevelFields(selectionSet, fragments)) {
    const accountOf = PASSWORD_CHECKS[field.name.value];
    const definition = mutation?.getFields()[field.name.value];
    if (!accountOf || !definition) continue;
    let account: string | null = null;
    try {
      account = accountOf(getArgumentValues(definition, field, variables), context);
    } catch {
      continue; // Arguments that do not coerce: execution refuses them before any resolver runs.
    }
    if (account) checks.push({ key: field.alias?.value ?? field.name.value, account });
  }
  return checks;
}
