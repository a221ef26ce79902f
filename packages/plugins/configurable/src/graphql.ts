import type { SchemePlugin } from "@pathfinder/core";
import { configurableGuidance, configurableLabels } from "./portal.ts";
import type { ConfigurableSettings } from "./settings.ts";

/** Read-only queries: the rules and role names in force today for the viewer's authority. */
export const configurableGraphQL: NonNullable<SchemePlugin["graphql"]> = (builder, gate) => {
  builder.queryField("configurableGuidance", (t) =>
    t.stringList({
      description: "The configurable scheme's rules as your authority has set them, in words.",
      resolve: async (_root, _args, context) => configurableGuidance((await gate(context)) as ConfigurableSettings),
    }),
  );
  builder.queryField("configurableLabels", (t) =>
    t.field({
      type: "JSON",
      description:
        'Your authority\'s names for core roles, from its approval tiers: { "APPROVER": "Locality panel chair" }.',
      resolve: async (_root, _args, context) => configurableLabels((await gate(context)) as ConfigurableSettings),
    }),
  );
};
