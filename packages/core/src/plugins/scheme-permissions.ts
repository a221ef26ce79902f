import type { AbilityBuilder } from "@casl/ability";
import type { AppAbility } from "../permissions/casl-prisma.ts";
import type { Viewer } from "../permissions/viewer.ts";
import type { EnabledSchemeRow } from "../server/viewer-from-request.ts";
import type { SchemePlugin } from "./plugin-contract.ts";

/**
 * Parsed settings, per plugin, by settings version id. A version is never edited (migration
 * 0003), so its parsed form never goes stale; a new version has a new id, which begin_request
 * returns as soon as it is in force, on every replica. Bounded: past the limit it starts afresh.
 */
const parsedSettings = new WeakMap<SchemePlugin, Map<string, unknown>>();
const PARSED_SETTINGS_LIMIT = 5_000;

function parsedOnce(plugin: SchemePlugin, row: EnabledSchemeRow): unknown {
  if (!row.settingsId) return plugin.settings.parse({});
  const known = parsedSettings.get(plugin);
  const parsed = known && known.size < PARSED_SETTINGS_LIMIT ? known : new Map<string, unknown>();
  parsedSettings.set(plugin, parsed);
  if (!parsed.has(row.settingsId)) parsed.set(row.settingsId, plugin.settings.parse(row.settings ?? {}));
  return parsed.get(row.settingsId);
}

/**
 * The schemes an authority runs, each with its settings parsed, from begin_request's answer
 * (server/viewer-from-request.ts): the enabled rows with their latest effective settings version.
 */
export function enabledSchemesFrom(
  rows: readonly EnabledSchemeRow[],
  plugins: ReadonlyMap<string, SchemePlugin>,
): Map<string, unknown> {
  const enabled = new Map<string, unknown>();
  for (const row of rows) {
    const plugin = plugins.get(row.schemeId);
    if (plugin) enabled.set(row.schemeId, parsedOnce(plugin, row));
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
