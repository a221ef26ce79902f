import semver from "semver";
import corePackage from "../../package.json" with { type: "json" };
import type { SchemePlugin } from "./plugin-contract.ts";

const ID = /^[a-z][a-z0-9-]*$/;

export class PluginLoadError extends Error {
  constructor(pluginId: string, problem: string) {
    super(`Plugin "${pluginId}" cannot be loaded: ${problem}`);
    this.name = "PluginLoadError";
  }
}

/** GraphQL prefix of a plugin: "children-in-care" → "childrenInCare" (fields), "ChildrenInCare" (types). */
export function graphqlPrefixOf(pluginId: string): { field: string; type: string } {
  const field = pluginId.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
  return { field, type: field[0]?.toUpperCase() + field.slice(1) };
}

/**
 * Checks every plugin before anything starts: a broken or misconfigured plugin stops the
 * server with a clear message rather than running half-loaded.
 */
export function checkPlugins(plugins: readonly SchemePlugin[]): ReadonlyMap<string, SchemePlugin> {
  const installed = new Map<string, SchemePlugin>();
  for (const plugin of plugins) {
    const id = plugin?.id ?? "(no id)";
    if (!ID.test(id))
      throw new PluginLoadError(id, "its id must be lower-case letters, digits and hyphens, starting with a letter");
    if (id === "core") throw new PluginLoadError(id, `"core" is core's own scheme`);
    if (installed.has(id)) throw new PluginLoadError(id, "another installed plugin has the same id");
    if (!plugin.name || !semver.valid(plugin.version))
      throw new PluginLoadError(id, "it needs a name and a semver version");
    if (!semver.validRange(plugin.coreVersion) || !semver.satisfies(corePackage.version, plugin.coreVersion))
      throw new PluginLoadError(id, `it needs core ${plugin.coreVersion}, and this is core ${corePackage.version}`);
    const defaults = plugin.settings.safeParse({});
    if (!defaults.success)
      throw new PluginLoadError(id, `its settings schema has no valid defaults: ${defaults.error.issues[0]?.message}`);
    if (typeof plugin.rules !== "function") throw new PluginLoadError(id, "it declares no rules");
    plugin.rules(defaults.data);
    checkPages(plugin);
    installed.set(id, plugin);
  }
  return installed;
}

/** A page's id is its address in the portal (/schemes/<plugin>/<page>): well-formed and unique. */
function checkPages(plugin: SchemePlugin) {
  const seen = new Set<string>();
  for (const page of plugin.pages ?? []) {
    if (!ID.test(page.id ?? ""))
      throw new PluginLoadError(
        plugin.id,
        `its page "${page.id}" needs an id of lower-case letters, digits and hyphens`,
      );
    if (seen.has(page.id)) throw new PluginLoadError(plugin.id, `it declares the page "${page.id}" twice`);
    if (!page.title || page.roles.length === 0 || typeof page.content !== "function")
      throw new PluginLoadError(plugin.id, `its page "${page.id}" needs a title, at least one role and its content`);
    seen.add(page.id);
  }
}
