import { repositoryRoot } from "./db/repository-paths.ts";
import type { SchemePlugin } from "./plugins/plugin-contract.ts";

/** The composition root: which scheme plugins this Pathfinder runs. Read by the API and the portal. */
export interface PathfinderConfig {
  plugins: SchemePlugin[];
}

export function defineConfig(config: PathfinderConfig): PathfinderConfig {
  return config;
}

/**
 * Loads `pathfinder.config.ts` at the repository root (or PATHFINDER_CONFIG). Core does not
 * import any plugin itself: the configuration names them, as Vendure's config does.
 */
export async function loadConfig(
  path = process.env.PATHFINDER_CONFIG ?? `${repositoryRoot}pathfinder.config.ts`,
): Promise<PathfinderConfig> {
  const module = (await import(path)) as { default?: PathfinderConfig };
  if (!module.default?.plugins) throw new Error(`${path} must export default defineConfig({ plugins: [...] })`);
  return module.default;
}
