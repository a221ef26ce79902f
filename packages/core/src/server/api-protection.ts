import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { characterLimitPlugin } from "@escape.tech/graphql-armor-character-limit";
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { NoSchemaIntrospectionCustomRule } from "graphql";
import type { Plugin } from "graphql-yoga";
import { OPERATION_LIMITS, OperationTooLargeError } from "./operation-limits.ts";
import { type TrustedDocuments, trustedDocumentsOnly } from "./trusted-documents.ts";

/**
 * The header a browser client must send with every GraphQL request that a plain HTML form or
 * image could also send (GET, multipart, url-encoded, text/plain; a JSON POST already needs a
 * preflight). A page on another site cannot add a custom header without a CORS preflight, which
 * this API never grants, so a forged form post or image GET is refused before anything runs.
 * `Authorization` counts too: a cross-site page cannot add it either, and API clients send it.
 */
export const CSRF_HEADER = "x-pathfinder-csrf";

export interface ApiProtectionOptions {
  /** Development shows the limits in errors and keeps introspection and field suggestions. */
  development: boolean;
  /** When given, only these documents run (production); otherwise any document does. */
  trustedDocuments?: TrustedDocuments;
}

const refusal = new OperationTooLargeError().message;

/** Introspection off: clients are built from `schema.graphql`, not by asking a live server. */
const noIntrospection: Plugin = {
  onValidate({ addValidationRule }) {
    addValidationRule(NoSchemaIntrospectionCustomRule);
  },
};

/**
 * The yoga plugins that stand between a request and the schema: cross-site request refusal,
 * trusted documents, the size limits (graphql-armor) and, in production, no introspection and
 * no "did you mean" suggestions. Depth, tokens and characters are checked while parsing and
 * validating, before any resolver or database work; list-aware complexity (which needs the
 * variables) is checked by Pothos' complexity plugin before the first root field resolves.
 */
export function apiProtectionPlugins(options: ApiProtectionOptions): Plugin[] {
  const exposeLimits = options.development;
  const armor = EnvelopArmorPlugin({
    maxDepth: { n: OPERATION_LIMITS.depth, flattenFragments: true, exposeLimits, errorMessage: refusal },
    costLimit: { maxCost: OPERATION_LIMITS.cost, exposeLimits, errorMessage: refusal },
    maxAliases: { n: OPERATION_LIMITS.aliases, exposeLimits, errorMessage: refusal },
    maxDirectives: { n: OPERATION_LIMITS.directives, exposeLimits, errorMessage: refusal },
    maxTokens: { n: OPERATION_LIMITS.tokens, exposeLimits, errorMessage: refusal },
    blockFieldSuggestion: { enabled: !options.development },
  }) as Plugin;
  const plugins: Plugin[] = [
    useCSRFPrevention({ requestHeaders: [CSRF_HEADER, "authorization"] }) as Plugin,
    armor,
    // After armor: armor's token counter replaces the parser, and this check wraps what it finds.
    characterLimitPlugin({ maxLength: OPERATION_LIMITS.characters, exposeLimits, errorMessage: refusal }) as Plugin,
  ];
  if (options.trustedDocuments) plugins.unshift(trustedDocumentsOnly(options.trustedDocuments));
  if (!options.development) plugins.push(noIntrospection);
  return plugins;
}
