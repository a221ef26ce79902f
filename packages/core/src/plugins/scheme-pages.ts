import type { GraphQLContext } from "../graphql/context.ts";
import { hasRole } from "../permissions/viewer.ts";
import type { PortalPage, SchemePlugin } from "./plugin-contract.ts";

export interface SchemePageView {
  plugin: SchemePlugin;
  page: PortalPage;
  context: GraphQLContext;
}

/**
 * The plugin pages the viewer may open: pages of the schemes their authority runs, whose roles
 * include one of the viewer's own (cover passes on approving only, not a page's audience).
 */
export async function schemePagesFor(context: GraphQLContext): Promise<SchemePageView[]> {
  const viewer = context.viewer;
  if (!viewer) return [];
  const enabled = await context.schemesEnabled();
  return [...context.plugins.values()]
    .filter((plugin) => enabled.has(plugin.id))
    .flatMap((plugin) =>
      (plugin.pages ?? [])
        .filter((page) => page.roles.some((role) => hasRole(viewer, role)))
        .map((page) => ({ plugin, page, context })),
    );
}

/** The page's blocks, built by its plugin from the settings in force today. */
export async function pageContent({ plugin, page, context }: SchemePageView) {
  const viewer = context.viewer;
  if (!viewer) return [];
  return page.content({ db: context.db, viewer }, await context.schemeSettings(plugin.id));
}
