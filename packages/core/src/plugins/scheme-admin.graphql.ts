import { z } from "zod";
import { builder } from "../graphql/builder.ts";
import type { GraphQLContext } from "../graphql/context.ts";
import { DomainError, NotAuthorisedError } from "../graphql/domain-errors.ts";
import { standardErrors } from "../graphql/error-types.ts";
import { inTransaction } from "../graphql/in-transaction.ts";
import { requireViewer } from "../graphql/require-viewer.ts";
import { hasRole } from "../permissions/viewer.ts";
import type { SchemePlugin } from "./plugin-contract.ts";
import { configureScheme, disableScheme, enableScheme } from "./scheme-admin.ts";
import { settingsInForce } from "./scheme-settings-store.ts";

interface SchemeView {
  plugin: SchemePlugin;
  context: GraphQLContext;
}

/** The settings in force today for the viewer's authority, parsed (defaults when not enabled). */
async function settingsToday(plugin: SchemePlugin, context: GraphQLContext): Promise<unknown> {
  const version = context.viewer
    ? await settingsInForce(context.db, context.viewer.authorityId, plugin.id, new Date())
    : null;
  return plugin.settings.parse(version?.settings ?? {});
}

const SchemeRef = builder.objectRef<SchemeView>("Scheme").implement({
  description: "An installed scheme plugin, as your authority runs it (or could).",
  fields: (t) => ({
    id: t.string({
      description: 'The plugin\'s id, e.g. "dorset"; its GraphQL names are prefixed with it.',
      resolve: ({ plugin }) => plugin.id,
    }),
    name: t.string({ description: "The scheme's name, for people.", resolve: ({ plugin }) => plugin.name }),
    version: t.string({ description: "The plugin's version.", resolve: ({ plugin }) => plugin.version }),
    enabled: t.boolean({
      description: "Whether your authority runs it.",
      resolve: async ({ plugin, context }) => (await context.schemesEnabled()).has(plugin.id),
    }),
    settings: t.field({
      type: "JSON",
      description: "The settings in force today (defaults when the scheme is not enabled).",
      resolve: ({ plugin, context }) => settingsToday(plugin, context),
    }),
    settingsVersion: t.int({
      description: "The version of your settings in force today; null when never configured.",
      nullable: true,
      resolve: async ({ plugin, context }) =>
        context.viewer
          ? ((await settingsInForce(context.db, context.viewer.authorityId, plugin.id, new Date()))?.version ?? null)
          : null,
    }),
    settingsSchema: t.field({
      type: "JSON",
      description: "JSON Schema of the settings, from which the portal generates the settings form.",
      resolve: ({ plugin }) => z.toJSONSchema(plugin.settings, { io: "input", unrepresentable: "any" }),
    }),
    roles: t.field({
      type: "JSON",
      description: "The scheme's role names, each mapped onto a core role.",
      resolve: ({ plugin }) => plugin.roles ?? {},
    }),
    portal: t.field({
      type: "JSON",
      description:
        "Labels, form sections and the rules in words (`guidance`, from the settings in force) the portal renders for this scheme.",
      resolve: async ({ plugin, context }) => ({
        labels: plugin.portal?.labels ?? {},
        requestFormSections: plugin.portal?.requestFormSections ?? [],
        guidance: plugin.portal?.guidance?.((await settingsToday(plugin, context)) as never) ?? [],
      }),
    }),
  }),
});

builder.queryField("schemes", (t) =>
  t.field({
    type: [SchemeRef],
    description: "Every installed scheme plugin, with whether your authority runs it.",
    authScopes: { signedIn: true },
    resolve: (_root, _args, context) => [...context.plugins.values()].map((plugin) => ({ plugin, context })),
  }),
);

function adminPlugin(context: GraphQLContext, schemeId: string) {
  const viewer = requireViewer(context);
  if (!hasRole(viewer, "AUTHORITY_ADMIN"))
    throw new NotAuthorisedError("Only your authority's administrator can change which schemes it runs.");
  const plugin = context.plugins.get(schemeId);
  if (!plugin) throw new DomainError("UNKNOWN_SCHEME", `No scheme called "${schemeId}" is installed.`, "schemeId");
  return { viewer, plugin };
}

/** Enabling and configuring take the same arguments and differ only in what they do. */
const settingsMutations = [
  {
    name: "enablePlugin",
    description:
      "Turns a scheme on for your authority, with its first settings (validated against the scheme's schema).",
    apply: enableScheme,
    nowEnabled: true,
  },
  {
    name: "configurePlugin",
    description:
      "Saves a new version of a scheme's settings, in force from a date. Earlier decisions keep the rules they were made under.",
    apply: configureScheme,
    nowEnabled: false,
  },
] as const;

for (const mutation of settingsMutations) {
  builder.mutationField(mutation.name, (t) =>
    t.field({
      type: SchemeRef,
      description: mutation.description,
      errors: { types: [...standardErrors], dataField: { description: "The scheme as your authority now runs it." } },
      args: {
        schemeId: t.arg.string({ description: 'The plugin\'s id, e.g. "dorset".' }),
        settings: t.arg({
          description: "The settings, validated against the scheme's `settingsSchema`; defaults when left out.",
          type: "JSON",
          required: false,
        }),
        effectiveFrom: t.arg({
          type: "Date",
          required: false,
          description: "When the settings take effect; today if left out.",
        }),
      },
      resolve: async (_root, args, context) => {
        const { viewer, plugin } = adminPlugin(context, args.schemeId);
        await inTransaction(context, (tx) =>
          mutation.apply(tx, viewer, plugin, args.settings, args.effectiveFrom ?? new Date()),
        );
        // This request's context was built before the change; answer as the next request will see it.
        const enabled = async () => new Set([...(await context.schemesEnabled()), plugin.id]);
        return { plugin, context: mutation.nowEnabled ? { ...context, schemesEnabled: enabled } : context };
      },
    }),
  );
}

builder.mutationField("disablePlugin", (t) =>
  t.field({
    type: SchemeRef,
    description: "Turns a scheme off for your authority. Its data and history are kept.",
    errors: { types: [...standardErrors], dataField: { description: "The scheme, now disabled." } },
    args: { schemeId: t.arg.string({ description: 'The plugin\'s id, e.g. "dorset".' }) },
    resolve: async (_root, args, context) => {
      const { viewer, plugin } = adminPlugin(context, args.schemeId);
      await inTransaction(context, (tx) => disableScheme(tx, viewer, plugin));
      return {
        plugin,
        context: {
          ...context,
          schemesEnabled: async () => new Set([...(await context.schemesEnabled())].filter((id) => id !== plugin.id)),
        },
      };
    },
  }),
);
