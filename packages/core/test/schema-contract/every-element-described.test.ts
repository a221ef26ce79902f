import { buildSchema as buildSchemaFromSdl } from "graphql";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { buildSchema } from "../../src/graphql/schema.ts";
import { undescribedElements } from "../../src/schema-contract/undescribed.ts";

describe("the API contract describes everything it contains", () => {
  it("leaves no type, field, argument, enum value or input field of the shipped schema undescribed", async () => {
    // The schema as `npm run schema` prints it: core and every plugin the composition root installs.
    const config = await loadConfig();
    const schema = buildSchema(config.plugins);
    const missing = undescribedElements(schema);
    expect(missing, `Add a \`description\` to each of these:\n${missing.join("\n")}`).toEqual([]);
  });

  it("names each undescribed element by its schema coordinate", () => {
    const schema = buildSchemaFromSdl(`
      """Described."""
      type Query {
        """Described."""
        budget(id: ID!): Budget
      }
      type Budget {
        name: String
        """Described."""
        status: Status
      }
      """Described."""
      enum Status {
        OPEN
        """Described."""
        CLOSED
      }
      """Described."""
      input Filter {
        areaId: ID
      }
    `);
    expect(undescribedElements(schema).sort()).toEqual(
      ["Budget", "Budget.name", "Filter.areaId", "Query.budget(id:)", "Status.OPEN"].sort(),
    );
  });
});
