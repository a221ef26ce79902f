import type { GraphQLContext } from "../graphql/context.ts";
import { DomainError } from "../graphql/domain-errors.ts";

/**
 * Cover is the authority's, across every scheme it runs (an approver's queue mixes them), so
 * any scheme that does not allow it refuses it, with that scheme's reason.
 */
export async function refuseCoverWhereSchemesForbid(context: GraphQLContext): Promise<void> {
  for (const schemeId of await context.schemesEnabled()) {
    const plugin = context.plugins.get(schemeId);
    if (!plugin?.cover) continue;
    const reason = plugin.cover(await context.schemeSettings(schemeId));
    if (reason) throw new DomainError("COVER_NOT_ALLOWED", reason);
  }
}
