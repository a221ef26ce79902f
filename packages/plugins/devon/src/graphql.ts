import type { SchemePlugin } from "@pathfinder/core";
import { devonGuidance } from "./guidance.ts";
import type { DevonSettings } from "./settings.ts";

/** One read-only query: the sign-off rules in force for the viewer's authority, in words. */
export const devonGraphQL: NonNullable<SchemePlugin["graphql"]> = (builder, gate) => {
  builder.queryField("devonGuidance", (t) =>
    t.stringList({
      description: "Devon's sign-off rules as your authority has set them, in words.",
      resolve: async (_root, _args, context) => devonGuidance((await gate(context)) as DevonSettings),
    }),
  );
};
