import { NotAuthorisedError, NotSignedInError } from "../graphql/domain-errors.ts";
import type { SchemeGate } from "./plugin-contract.ts";

/**
 * A plugin's fields are in the one schema for everyone, but answer only for authorities
 * that enabled the scheme; others get an authorisation error, never another scheme's data.
 */
export function requireSchemeEnabled(schemeId: string): SchemeGate {
  return async (context) => {
    if (!context.viewer) throw new NotSignedInError();
    if (!(await context.schemesEnabled()).has(schemeId))
      throw new NotAuthorisedError(`Your authority does not run the "${schemeId}" scheme.`);
    return context.schemeSettings(schemeId);
  };
}
