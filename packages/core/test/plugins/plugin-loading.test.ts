// A broken or misconfigured plugin is refused at start-up with a clear message, never half-loaded.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { builder } from "../../src/graphql/builder.ts";
import { checkPlugins } from "../../src/plugins/installed-plugins.ts";
import { defineSchemePlugin, type SchemePlugin } from "../../src/plugins/plugin-contract.ts";
import { prefixCheckingBuilder } from "../../src/plugins/prefix-checking-builder.ts";
import { coreScheme } from "../../src/schemes/core-scheme.ts";

const good = defineSchemePlugin({
  id: "tiny-town",
  name: "Tiny Town",
  version: "1.0.0",
  coreVersion: "^0.1.0",
  settings: z.object({ cap: z.number().int().default(5_000) }),
  rules: () => coreScheme,
});
const variant = (changes: Partial<SchemePlugin>) => ({ ...good, ...changes }) as SchemePlugin;

describe("loading plugins", () => {
  it("accepts a well-formed plugin", () => {
    expect([...checkPlugins([good]).keys()]).toEqual(["tiny-town"]);
  });

  it.each([
    [
      variant({ id: "Tiny Town" }),
      'Plugin "Tiny Town" cannot be loaded: its id must be lower-case letters, digits and hyphens, starting with a letter',
    ],
    [
      variant({ coreVersion: "^2.0.0" }),
      'Plugin "tiny-town" cannot be loaded: it needs core ^2.0.0, and this is core 0.1.0',
    ],
    [variant({ version: "one" }), 'Plugin "tiny-town" cannot be loaded: it needs a name and a semver version'],
    [
      variant({ settings: z.object({ cap: z.number() }) }),
      'Plugin "tiny-town" cannot be loaded: its settings schema has no valid defaults: Invalid input: expected number, received undefined',
    ],
    [variant({ id: "core" }), 'Plugin "core" cannot be loaded: "core" is core\'s own scheme'],
  ])("refuses %#: %s", (plugin, message) => {
    expect(() => checkPlugins([plugin])).toThrow(message);
  });

  it("refuses two plugins with the same id", () => {
    expect(() => checkPlugins([good, good])).toThrow(
      'Plugin "tiny-town" cannot be loaded: another installed plugin has the same id',
    );
  });

  it("refuses GraphQL names without the plugin's prefix, so two plugins cannot collide", () => {
    const checked = prefixCheckingBuilder(builder, "tiny-town");
    expect(() => checked.queryField("guidance", (t) => t.string({ resolve: () => "" }))).toThrow(
      'Plugin "tiny-town" cannot be loaded: its GraphQL field "guidance" must start with "tinyTown"',
    );
    expect(() => checked.objectRef("Guidance")).toThrow('its GraphQL type "Guidance" must start with "TinyTown"');
    expect(() => checked.prismaObjectField("Case", "notes", (t) => t.exposeString("reference") as never)).toThrow(
      'its GraphQL field "notes" must start with "tinyTown"',
    );
    expect(() => checked.queryFields(() => ({}))).toThrow("use queryField (one at a time) so each name can be checked");
    expect(() => checked.objectRef("TinyTown")).toThrow(
      'its GraphQL type "TinyTown" must start with "TinyTown" and say more',
    );
    expect(() => checked.objectRef("TinyTownGuidance")).not.toThrow();
  });
});
