import { encodeGlobalID } from "@pothos/plugin-relay";
import { z } from "zod";
import { recordAudit } from "../../audit/audit-log.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { builder } from "../../graphql/builder.ts";
import type { GraphQLContext } from "../../graphql/context.ts";
import { DomainError, NotAuthorisedError } from "../../graphql/domain-errors.ts";
import { standardErrors } from "../../graphql/error-types.ts";
import { idOfType } from "../../graphql/global-id.ts";
import { inTransaction } from "../../graphql/in-transaction.ts";
import { requireViewer } from "../../graphql/require-viewer.ts";
import { RoleEnum } from "../../people/staff-user.graphql.ts";
import { hasRole } from "../../permissions/viewer.ts";
import { isLoopbackHttp } from "./oidc-configuration.ts";
import { ssoPaths } from "./sso-routes.ts";

type ProviderRow = Prisma.IdentityProviderGetPayload<{
  include: { authority: true; groupRoles: { include: { area: true } } };
}>;
const withMappings = { authority: true, groupRoles: { include: { area: true } } } as const;

const GroupRoleRef = builder.objectRef<ProviderRow["groupRoles"][number]>("IdentityProviderGroupRole").implement({
  description: "Members of this group of the identity provider hold this role in Pathfinder.",
  fields: (t) => ({
    group: t.exposeString("groupName", { description: "The group's name, exactly as the provider sends it." }),
    role: t.expose("role", { type: RoleEnum, description: "The role its members hold." }),
    areaId: t.id({
      nullable: true,
      description: "The area's id; null when the role covers the whole authority.",
      resolve: (mapping) => (mapping.areaId ? encodeGlobalID("Area", mapping.areaId) : null),
    }),
    areaName: t.string({
      nullable: true,
      description: "The area's name; null for the whole authority.",
      resolve: (mapping) => mapping.area?.name ?? null,
    }),
  }),
});

const IdentityProviderRef = builder.objectRef<ProviderRow>("IdentityProvider").implement({
  description:
    "Your authority's OpenID Connect identity provider, for single sign-on. The client secret is never shown.",
  fields: (t) => ({
    issuer: t.exposeString("issuer", {
      description: "The provider's issuer address; its discovery document is read from it.",
    }),
    clientId: t.exposeString("clientId", { description: "The client id the provider gave Pathfinder." }),
    scopes: t.exposeString("scopes", { description: "The scopes asked for, space-separated." }),
    groupsClaim: t.exposeString("groupsClaim", { description: "The claim that lists a person's groups." }),
    enabled: t.exposeBoolean("enabled", { description: "Whether people can sign in through it now." }),
    groupRoles: t.field({
      type: [GroupRoleRef],
      description: "Which groups hold which roles. A person in none of them cannot sign in.",
      resolve: (provider) => provider.groupRoles,
    }),
    signInPath: t.string({
      description: "Where on the API a person starts signing in (the portal links here).",
      resolve: (provider) => ssoPaths(provider.authority.code).start,
    }),
    callbackPath: t.string({
      description: "Register the API's public address followed by this path as the redirect URI with the provider.",
      resolve: (provider) => ssoPaths(provider.authority.code).callback,
    }),
  }),
});

function requireAdmin(context: GraphQLContext) {
  const viewer = requireViewer(context);
  if (!hasRole(viewer, "AUTHORITY_ADMIN"))
    throw new NotAuthorisedError("Only your authority's administrator can set up single sign-on.");
  return viewer;
}

builder.queryField("identityProvider", (t) =>
  t.field({
    type: IdentityProviderRef,
    nullable: true,
    description: "Your authority's single sign-on set-up (administrators only); null when there is none.",
    resolve: async (_root, _args, context) => {
      const viewer = requireAdmin(context);
      return context.db.identityProvider.findUnique({
        where: { authorityId: viewer.authorityId },
        include: withMappings,
      });
    },
  }),
);

const GroupRoleInput = builder.inputType("IdentityProviderGroupRoleInput", {
  description: "Members of a group of the identity provider hold a role (any but platform administrator).",
  fields: (t) => ({
    group: t.string({
      description: "The group's name, exactly as the provider sends it in the groups claim.",
      validate: z.string().trim().min(1, "Enter the group's name as the provider sends it"),
    }),
    role: t.field({ type: RoleEnum, description: "The role its members hold." }),
    areaId: t.globalID({
      required: false,
      description: "Limit the role to one area; leave out for the whole authority.",
    }),
  }),
});

const ConfigureInput = builder.inputType("ConfigureIdentityProviderInput", {
  description: "Your authority's identity provider and how its groups map onto roles.",
  fields: (t) => ({
    issuer: t.string({
      description: "The provider's issuer address (https://; http:// only for one on this machine).",
      validate: z.string().trim().url("Enter the issuer's address, like https://login.example.gov.uk/realm"),
    }),
    clientId: t.string({
      description: "The client id the provider gave Pathfinder.",
      validate: z.string().trim().min(1, "Enter the client id the provider gave Pathfinder"),
    }),
    clientSecret: t.string({
      required: false,
      description: "Required the first time; leave out to keep the one saved.",
    }),
    scopes: t.string({ required: false, description: 'Defaults to "openid email profile".' }),
    groupsClaim: t.string({ required: false, description: 'Defaults to "groups".' }),
    enabled: t.boolean({ required: false, description: "Defaults to true." }),
    groupRoles: t.field({ type: [GroupRoleInput], description: "Every mapping; they replace the ones saved." }),
  }),
});

builder.mutationField("configureIdentityProvider", (t) =>
  t.field({
    type: IdentityProviderRef,
    description:
      "Sets up (or changes) single sign-on for your authority: the provider, and which of its groups hold which roles.",
    errors: { types: [...standardErrors], dataField: { description: "The identity provider as saved." } },
    args: { input: t.arg({ type: ConfigureInput, description: "The provider and its group mappings." }) },
    resolve: async (_root, { input }, context) => {
      const viewer = requireAdmin(context);
      const issuer = new URL(input.issuer);
      if (issuer.protocol !== "https:" && !isLoopbackHttp(issuer))
        throw new DomainError("INSECURE_ISSUER", "The issuer's address must start with https://.", "input.issuer");
      if (!(input.scopes ?? "openid").split(/\s+/).includes("openid"))
        throw new DomainError("INVALID_SCOPES", 'The scopes must include "openid".', "input.scopes");
      const mappings = input.groupRoles.map((mapping, index) => {
        if (mapping.role === "PLATFORM_ADMIN")
          throw new DomainError(
            "ROLE_NOT_GRANTABLE",
            "A group cannot make someone a platform administrator.",
            `input.groupRoles.${index}.role`,
          );
        return {
          groupName: mapping.group.trim(),
          role: mapping.role,
          areaId: mapping.areaId ? idOfType(mapping.areaId, "Area", `input.groupRoles.${index}.areaId`) : null,
        };
      });
      return inTransaction(context, async (tx) => {
        const areaIds = [...new Set(mappings.flatMap((m) => (m.areaId ? [m.areaId] : [])))];
        const areas = await tx.area.count({ where: { authorityId: viewer.authorityId, id: { in: areaIds } } });
        if (areas !== areaIds.length)
          throw new DomainError("NOT_FOUND", "One of the areas is not an area of your authority.", "input.groupRoles");
        const existing = await tx.identityProvider.findUnique({ where: { authorityId: viewer.authorityId } });
        const clientSecret = input.clientSecret?.trim() || existing?.clientSecret;
        if (!clientSecret)
          throw new DomainError(
            "CLIENT_SECRET_REQUIRED",
            "Enter the client secret the provider gave Pathfinder.",
            "input.clientSecret",
          );
        const settings = {
          issuer: issuer.href.replace(/\/$/, ""),
          clientId: input.clientId.trim(),
          clientSecret,
          scopes: input.scopes?.trim() || "openid email profile",
          groupsClaim: input.groupsClaim?.trim() || "groups",
          enabled: input.enabled ?? true,
        };
        const provider = await tx.identityProvider.upsert({
          where: { authorityId: viewer.authorityId },
          create: { authorityId: viewer.authorityId, ...settings },
          update: settings,
        });
        await tx.identityProviderGroupRole.deleteMany({ where: { identityProviderId: provider.id } });
        await tx.identityProviderGroupRole.createMany({
          data: mappings.map((m) => ({ authorityId: viewer.authorityId, identityProviderId: provider.id, ...m })),
          skipDuplicates: true,
        });
        const { clientSecret: _secret, ...shown } = settings;
        await recordAudit(tx, viewer, {
          action: "identity-provider.configure",
          entityType: "IdentityProvider",
          entityId: provider.id,
          summary: `Set up single sign-on with ${issuer.host} (${mappings.length} group mapping${mappings.length === 1 ? "" : "s"})`,
          after: { ...shown, groupRoles: mappings },
        });
        return tx.identityProvider.findUniqueOrThrow({ where: { id: provider.id }, include: withMappings });
      });
    },
  }),
);
