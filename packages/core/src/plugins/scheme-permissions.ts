import type { AbilityBuilder } from "@casl/ability";
import type { Database } from "../db/prisma-client.ts";
import type { AppAbility } from "../permissions/casl-prisma.ts";
import type { Viewer } from "../permissions/viewer.ts";
import type { SchemePlugin } from "./plugin-contract.ts";

/**
 * The schemes an authority runs now, each with the settings in force today, in one query:
 * the enabled rows with their latest effective settings version.
 */
export async function enabledSchemesWithSettings(
  db: Database,
  authorityId: string,
  plugins: ReadonlyMap<string, SchemePlugin>,
): Promise<Map<string, unknown>> {
  if (plugins.size === 0) return new Map();
  const rows = await db.authorityScheme.findMany({
    where: { authorityId, enabled: true },
    include: {
      settings: {
        where: { effectiveFrom: { lte: new Date() } },
        orderBy: [{ effectiveFrom: "desc" }, { version: "desc" }],
        take: 1,
      },
    },
  });
  const enabled = new Map<string, unknown>();
  for (const row of rows) {
    const plugin = plugins.get(row.schemeId);
    if (plugin) enabled.set(row.schemeId, plugin.settings.parse(row.settings[0]?.settings ?? {}));
  }
  return enabled;
}

/** Adds each enabled scheme's CASL rules, built with its settings, to the viewer's ability. */
export function schemePermissions(
  viewer: Viewer | null,
  enabled: Map<string, unknown>,
  plugins: ReadonlyMap<string, SchemePlugin>,
) {
  return (can: AbilityBuilder<AppAbility>["can"]) => {
    if (!viewer) return;
    for (const [schemeId, settings] of enabled) plugins.get(schemeId)?.permissions?.(can, viewer, settings);
  };
}
