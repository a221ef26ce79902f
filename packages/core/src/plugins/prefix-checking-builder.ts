import type { builder as sharedBuilder } from "../graphql/builder.ts";
import { graphqlPrefixOf, PluginLoadError } from "./installed-plugins.ts";

type Builder = typeof sharedBuilder;

/** Methods whose first argument is the new type's or field's name. */
const namedFirst = new Set([
  "queryField",
  "mutationField",
  "subscriptionField",
  "objectRef",
  "inputType",
  "inputRef",
  "interfaceRef",
  "unionType",
  "scalarType",
]);
/** Methods that add a field (named by the second argument) to an existing type. */
const fieldOnType = new Set(["objectField", "prismaObjectField", "interfaceField"]);
/** Methods that add a type named in their options (or by a string first argument). */
const namedInOptions = new Set(["objectType", "prismaObject", "prismaNode", "enumType", "interfaceType"]);
/** Methods that add several fields at once: their names cannot be checked, so they are refused. */
const unnamedMany = new Set(["queryFields", "mutationFields", "objectFields", "prismaObjectFields", "interfaceFields"]);

/**
 * The shared builder as a plugin sees it: every name it adds must carry the plugin's prefix
 * (`devonGuidance`, `LeedsCaseStudy`), so two plugins cannot collide and a reader can tell
 * whose a field is. A wrong name stops the server at start-up, before anything is half-loaded.
 */
export function prefixCheckingBuilder(builder: Builder, pluginId: string): Builder {
  const prefix = graphqlPrefixOf(pluginId);
  const check = (name: unknown, kind: "field" | "type") => {
    const wanted = kind === "field" ? prefix.field : prefix.type;
    // A field may be named exactly after the plugin (`Case.leeds`); a type needs more (`LeedsCaseStudy`).
    const bare = kind === "type" && name === wanted;
    if (typeof name !== "string" || !name.startsWith(wanted) || bare)
      throw new PluginLoadError(
        pluginId,
        `its GraphQL ${kind} "${String(name)}" must start with "${wanted}"${bare ? " and say more" : ""}`,
      );
  };
  return new Proxy(builder, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function" || typeof property !== "string") return value;
      return (...args: unknown[]) => {
        if (unnamedMany.has(property))
          throw new PluginLoadError(
            pluginId,
            `use ${property.replace(/s$/, "")} (one at a time) so each name can be checked`,
          );
        if (namedFirst.has(property)) check(args[0], property.endsWith("Field") ? "field" : "type");
        if (fieldOnType.has(property)) check(args[1], "field");
        if (namedInOptions.has(property)) {
          const options = args[1] as { name?: string } | undefined;
          check(options?.name ?? (typeof args[0] === "string" ? args[0] : undefined), "type");
        }
        return value.apply(target, args);
      };
    },
  });
}
