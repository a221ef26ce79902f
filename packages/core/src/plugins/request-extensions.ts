import { InputValidationError } from "@pothos/plugin-validation";
import type { SchemePlugin } from "./plugin-contract.ts";

/**
 * Checks a purchase request's scheme-specific attributes: `extensions` holds one key per
 * scheme, and only the budget's scheme may add any, validated by that plugin's zod schema.
 * Returns the parsed value to store (defaults applied).
 */
export function validRequestExtensions(
  plugins: ReadonlyMap<string, SchemePlugin>,
  schemeId: string,
  extensions: unknown,
): Record<string, unknown> {
  const given = (extensions ?? {}) as Record<string, unknown>;
  const issues: { message: string; path: string[] }[] = [];
  for (const key of Object.keys(given)) {
    if (key !== schemeId)
      issues.push({
        path: ["input", "extensions", key],
        message: `This request's budget belongs to the "${schemeId}" scheme, not "${key}".`,
      });
  }
  const schema = plugins.get(schemeId)?.requestExtension;
  if (!schema) {
    if (issues.length) throw new InputValidationError({ issues });
    return {};
  }
  const parsed = schema.safeParse(given[schemeId] ?? {});
  if (!parsed.success)
    issues.push(
      ...parsed.error.issues.map((issue) => ({
        message: issue.message,
        path: ["input", "extensions", schemeId, ...issue.path.map(String)],
      })),
    );
  if (issues.length) throw new InputValidationError({ issues });
  return { [schemeId]: parsed.data };
}
