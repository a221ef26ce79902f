import type { SchemePlugin } from "../plugins/plugin-contract.ts";
import { schemePermissions } from "../plugins/scheme-permissions.ts";
import type { EnabledSchemeRow } from "../server/viewer-from-request.ts";
import { defineAbilityFor } from "./ability.ts";
import type { AppAbility } from "./casl-prisma.ts";
import type { Viewer } from "./viewer.ts";

const CACHED_ABILITIES = 2_000;

/**
 * Abilities already built, per set of installed plugins, by everything a rule can depend on:
 * the viewer (id, authority, roles, today's cover) and the settings versions of the schemes
 * in force. Building one (CASL's builder, then its rule index, then the Prisma conditions it
 * compiles lazily) was a measurable part of every request's CPU; a viewer's next request reuses
 * it, and it keeps the conditions CASL compiled for the last one. Nothing mutates an ability
 * after it is built. Bounded (least recently used goes first); a change of role, cover or
 * settings changes the key, so a stale ability is never served, on any replica.
 */
const cache = new WeakMap<ReadonlyMap<string, SchemePlugin>, Map<string, AppAbility>>();

export function abilityFor(
  viewer: Viewer,
  schemes: readonly EnabledSchemeRow[],
  enabled: Map<string, unknown>,
  plugins: ReadonlyMap<string, SchemePlugin>,
): AppAbility {
  const abilities = cache.get(plugins) ?? new Map<string, AppAbility>();
  cache.set(plugins, abilities);
  const key = JSON.stringify([viewer, schemes.map((scheme) => [scheme.schemeId, scheme.settingsId])]);
  const found = abilities.get(key);
  if (found) {
    abilities.delete(key);
    abilities.set(key, found);
    return found;
  }
  const ability = defineAbilityFor(viewer, schemePermissions(viewer, enabled, plugins));
  if (abilities.size >= CACHED_ABILITIES) abilities.delete(abilities.keys().next().value as string);
  abilities.set(key, ability);
  return ability;
}
