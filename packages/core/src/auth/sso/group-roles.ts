import type { Role } from "../../generated/prisma/enums.ts";

export interface GroupRoleMapping {
  groupName: string;
  role: Role;
  areaId: string | null;
}

/**
 * The roles a person's groups give them, each once. Pure, so the rule is plain to see:
 * every mapping whose group the person is in counts; nothing else does.
 */
export function rolesFromGroups(
  mappings: readonly GroupRoleMapping[],
  groups: readonly string[],
): { role: Role; areaId: string | null }[] {
  const member = new Set(groups);
  const seen = new Set<string>();
  const roles: { role: Role; areaId: string | null }[] = [];
  for (const mapping of mappings) {
    const key = `${mapping.role}/${mapping.areaId ?? "*"}`;
    if (!member.has(mapping.groupName) || seen.has(key)) continue;
    seen.add(key);
    roles.push({ role: mapping.role, areaId: mapping.areaId });
  }
  return roles;
}

/** The groups claim as a list of names, whether the provider sends an array or one string. */
export function groupsFromClaim(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((group): group is string => typeof group === "string");
  if (typeof value === "string" && value) return [value];
  return [];
}
