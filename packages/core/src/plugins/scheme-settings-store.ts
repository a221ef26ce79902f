import type { DbClient } from "../db/transaction.ts";
import type { Prisma } from "../generated/prisma/client.ts";

export interface SettingsVersion {
  version: number;
  settings: unknown;
  effectiveFrom: Date;
}

const dayOf = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));

/** The settings version in force on `at`: the latest version whose effective date has come. */
export async function settingsInForce(
  db: DbClient,
  authorityId: string,
  schemeId: string,
  at: Date,
): Promise<SettingsVersion | null> {
  return db.schemeSettings.findFirst({
    where: { authorityId, schemeId, effectiveFrom: { lte: dayOf(at) } },
    orderBy: [{ effectiveFrom: "desc" }, { version: "desc" }],
    select: { version: true, settings: true, effectiveFrom: true },
  });
}

/** The schemes an authority has enabled now. */
export async function enabledSchemes(db: DbClient, authorityId: string): Promise<Set<string>> {
  const rows = await db.authorityScheme.findMany({ where: { authorityId, enabled: true }, select: { schemeId: true } });
  return new Set(rows.map((row) => row.schemeId));
}

/** Saves a new settings version (already validated), numbered after the last. */
export async function saveSettingsVersion(
  db: DbClient,
  input: { authorityId: string; schemeId: string; settings: unknown; effectiveFrom: Date; createdById: string | null },
): Promise<number> {
  const last = await db.schemeSettings.aggregate({
    _max: { version: true },
    where: { authorityId: input.authorityId, schemeId: input.schemeId },
  });
  const version = (last._max.version ?? 0) + 1;
  await db.schemeSettings.create({
    data: {
      ...input,
      effectiveFrom: dayOf(input.effectiveFrom),
      settings: input.settings as Prisma.InputJsonValue,
      version,
    },
  });
  return version;
}
