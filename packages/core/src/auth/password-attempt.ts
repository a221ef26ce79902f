import type { GraphQLResolveInfo } from "graphql";
import type { GraphQLContext } from "../graphql/context.ts";
import { TooManyAttemptsError } from "./sign-in-throttle.ts";

/** What server/password-attempt-limits.ts decided about one password-checking field. */
export interface PasswordAttemptState {
  refused: boolean;
  succeeded: boolean;
}

/**
 * The recorded attempt for this field (by its response key, so each alias is its own attempt).
 * Throws TooManyAttemptsError when the limits refused it, before any password is checked; and
 * refuses to check a password that was never recorded, so no path can skip the limits.
 */
export function passwordAttemptFor(context: GraphQLContext, info: GraphQLResolveInfo) {
  const state = context.passwordAttempts.get(String(info.path.key));
  if (!state) throw new Error(`No password attempt was recorded for ${String(info.path.key)}`);
  if (state.refused) throw new TooManyAttemptsError();
  return {
    succeeded: () => {
      state.succeeded = true;
    },
  };
}
