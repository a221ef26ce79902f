import type { Viewer } from "../permissions/viewer.ts";
import type { GraphQLContext } from "./context.ts";
import { NotSignedInError } from "./domain-errors.ts";

/** The signed-in viewer, or a NOT_SIGNED_IN error for mutations that need one. */
export function requireViewer(context: GraphQLContext): Viewer {
  if (!context.viewer) throw new NotSignedInError();
  return context.viewer;
}
