import { InputValidationError } from "@pothos/plugin-validation";
import { recordAudit } from "../audit/audit-log.ts";
import type { Transaction } from "../db/transaction.ts";
import { DomainError } from "../graphql/domain-errors.ts";
import type { Viewer } from "../permissions/viewer.ts";
import type { SchemePlugin } from "./plugin-contract.ts";
import { saveSettingsVersion } from "./scheme-settings-store.ts";

/** Validates settings against the plugin's schema; every problem is reported under `settings.…`. */
export function validSettings(plugin: SchemePlugin, settings: unknown): unknown {
  const parsed = plugin.settings.safeParse(settings ?? {});
  if (parsed.success) return parsed.data;
  throw new InputValidationError({
    issues: parsed.error.issues.map((issue) => ({
      message: issue.message,
      path: ["settings", ...issue.path.map(String)],
    })),
  });
}

/** Turns a scheme on for the viewer's authority with a first (or new) settings version. */
export async function enableScheme(
  tx: Transaction,
  viewer: Viewer,
  plugin: SchemePlugin,
  settings: unknown,
  effectiveFrom: Date,
) {
  const valid = validSettings(plugin, settings);
  const key = { authorityId_schemeId: { authorityId: viewer.authorityId, schemeId: plugin.id } };
  const existing = await tx.authorityScheme.findUnique({ where: key });
  if (existing?.enabled)
    throw new DomainError("ALREADY_ENABLED", `${plugin.name} is already enabled; change its settings instead.`);
  await tx.authorityScheme.upsert({
    where: key,
    create: { authorityId: viewer.authorityId, schemeId: plugin.id },
    update: { enabled: true, enabledAt: new Date(), disabledAt: null },
  });
  const version = await saveSettingsVersion(tx, {
    authorityId: viewer.authorityId,
    schemeId: plugin.id,
    settings: valid,
    effectiveFrom,
    createdById: viewer.id,
  });
  await recordAudit(tx, viewer, {
    action: "scheme.enable",
    entityType: "AuthorityScheme",
    entityId: viewer.authorityId,
    summary: `Enabled ${plugin.name} (settings version ${version})`,
    after: valid,
  });
}

/** A new settings version, in force from `effectiveFrom`; earlier decisions keep the version they were made under. */
export async function configureScheme(
  tx: Transaction,
  viewer: Viewer,
  plugin: SchemePlugin,
  settings: unknown,
  effectiveFrom: Date,
) {
  const valid = validSettings(plugin, settings);
  const row = await tx.authorityScheme.findUnique({
    where: { authorityId_schemeId: { authorityId: viewer.authorityId, schemeId: plugin.id } },
  });
  if (!row?.enabled) throw new DomainError("NOT_ENABLED", `${plugin.name} is not enabled for your authority.`);
  const version = await saveSettingsVersion(tx, {
    authorityId: viewer.authorityId,
    schemeId: plugin.id,
    settings: valid,
    effectiveFrom,
    createdById: viewer.id,
  });
  await recordAudit(tx, viewer, {
    action: "scheme.configure",
    entityType: "AuthorityScheme",
    entityId: viewer.authorityId,
    summary: `Changed the settings of ${plugin.name}: version ${version}, in force from ${effectiveFrom.toISOString().slice(0, 10)}`,
    after: valid,
  });
}

/** Turns a scheme off: its rules, fields and permissions stop; its data and history stay. */
export async function disableScheme(tx: Transaction, viewer: Viewer, plugin: SchemePlugin) {
  const changed = await tx.authorityScheme.updateMany({
    where: { authorityId: viewer.authorityId, schemeId: plugin.id, enabled: true },
    data: { enabled: false, disabledAt: new Date() },
  });
  if (changed.count === 0) throw new DomainError("NOT_ENABLED", `${plugin.name} is not enabled for your authority.`);
  await recordAudit(tx, viewer, {
    action: "scheme.disable",
    entityType: "AuthorityScheme",
    entityId: viewer.authorityId,
    summary: `Disabled ${plugin.name}`,
  });
}
