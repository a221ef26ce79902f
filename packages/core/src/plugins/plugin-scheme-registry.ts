import type { Database } from "../db/prisma-client.ts";
import { DomainError } from "../graphql/domain-errors.ts";
import { coreScheme } from "../schemes/core-scheme.ts";
import type { SchemeRegistry, SchemeRules } from "../schemes/scheme-rules.ts";
import type { SchemePlugin } from "./plugin-contract.ts";
import { settingsInForce } from "./scheme-settings-store.ts";

export class SchemeNotEnabledError extends DomainError {
  constructor(schemeId: string) {
    super(
      "SCHEME_NOT_ENABLED",
      `This budget belongs to the "${schemeId}" scheme, which your authority does not run now.`,
    );
  }
}

/**
 * The rules of each scheme, built from the plugin and the authority's settings version in
 * force on the day asked about. The rules' version names both, so a decision records exactly
 * which rules it was made under ("devon@1.0.0/settings-3").
 */
export class PluginSchemeRegistry implements SchemeRegistry {
  constructor(
    private readonly db: Database,
    private readonly plugins: ReadonlyMap<string, SchemePlugin>,
  ) {}

  async rulesFor(authorityId: string, schemeId: string, at: Date): Promise<SchemeRules> {
    if (schemeId === coreScheme.schemeId) return coreScheme;
    const plugin = this.plugins.get(schemeId);
    if (!plugin) throw new Error(`No plugin is installed for scheme "${schemeId}"`);
    const enabled = await this.db.authorityScheme.findUnique({
      where: { authorityId_schemeId: { authorityId, schemeId } },
    });
    if (!enabled?.enabled) throw new SchemeNotEnabledError(schemeId);
    const version = await settingsInForce(this.db, authorityId, schemeId, at);
    const settings = plugin.settings.parse(version?.settings ?? {});
    return {
      ...plugin.hooks,
      ...plugin.rules(settings),
      schemeId,
      rulesVersion: `${schemeId}@${plugin.version}/settings-${version?.version ?? 0}`,
    };
  }
}
