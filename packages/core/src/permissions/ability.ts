import { AbilityBuilder } from "@casl/ability";
import { type AppAbility, createPrismaAbility } from "./casl-prisma.ts";
import { hasRole, type Viewer } from "./viewer.ts";

/**
 * The single source of authorisation: what the viewer may do, built from their role
 * assignments. Resolvers ask it (`ability.can`), and lists filter with it in SQL
 * (`accessibleBy(ability).ofType(...)`), so a row the viewer may not read is never fetched.
 *
 * Order matters: core's rules, then (later) each scheme's rules, then the tenant fence, which
 * is written last with `cannot` so that no earlier `can` reaches into another authority.
 */
export function defineAbilityFor(viewer: Viewer | null): AppAbility {
  const { can, cannot, build } = new AbilityBuilder<AppAbility>(createPrismaAbility);
  if (!viewer) return build();

  const own = viewer.authorityId;
  can("read", "Authority", { id: own });
  can("read", "Area", { authorityId: own });
  can("read", "StaffUser", { authorityId: own });
  can("read", "RoleAssignment", { authorityId: own });

  if (hasRole(viewer, "AUTHORITY_ADMIN")) {
    can("manage", "Area", { authorityId: own });
    can("manage", "StaffUser", { authorityId: own });
    can("manage", "RoleAssignment", { authorityId: own });
  }

  if (hasRole(viewer, "PLATFORM_ADMIN")) {
    // Platform administrators run the service for every authority.
    can("manage", "all");
    return build();
  }

  cannot("manage", "Authority", { id: { not: own } });
  cannot("manage", "Area", { authorityId: { not: own } });
  cannot("manage", "StaffUser", { authorityId: { not: own } });
  cannot("manage", "RoleAssignment", { authorityId: { not: own } });
  return build();
}
