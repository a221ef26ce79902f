import { decodeGlobalID } from "@pothos/plugin-relay";
import { z } from "zod";
import { builder } from "../graphql/builder.ts";
import { NotFoundError } from "../graphql/domain-errors.ts";
import { standardErrors } from "../graphql/error-types.ts";
import { createSupplier, type SupplierFields, updateSupplier } from "./save-supplier.ts";
import { SupplierNode } from "./supplier.graphql.ts";

const supplierName = z
  .string()
  .trim()
  .min(1, "Enter the supplier's name")
  .max(200, "Shorten the supplier's name to 200 characters or fewer");

const CreateSupplierInput = builder.inputType("CreateSupplierInput", {
  description: "A supplier to add to your authority's list.",
  fields: (t) => ({
    name: t.string({ description: "The supplier's trading name.", validate: supplierName }),
    onSupplierList: t.boolean({ required: false, description: "On the council's approved supplier list." }),
    preferred: t.boolean({ required: false, description: "A preferred provider." }),
    invoicesCouncil: t.boolean({ required: false, description: "Can invoice the council." }),
  }),
});

const UpdateSupplierInput = builder.inputType("UpdateSupplierInput", {
  description: "Only the fields given change.",
  fields: (t) => ({
    name: t.string({
      description: "A new name; unchanged when left out.",
      required: false,
      validate: supplierName.optional().nullable(),
    }),
    onSupplierList: t.boolean({
      description: "On the council's approved supplier list; unchanged when left out.",
      required: false,
    }),
    preferred: t.boolean({ description: "A preferred provider; unchanged when left out.", required: false }),
    invoicesCouncil: t.boolean({ description: "Can invoice the council; unchanged when left out.", required: false }),
  }),
});

/** Leaves out fields sent as null or not at all: in an update they mean "leave as it is". */
function given(input: Record<string, unknown>): Partial<SupplierFields> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null && value !== undefined));
}

/** The database id inside a Supplier's global ID; anything else is a supplier that is not there. */
function supplierId(globalId: string): string {
  try {
    const { typename, id } = decodeGlobalID(globalId);
    if (typename === "Supplier") return id;
  } catch {
    // Not a global ID at all: the same answer as an id of another type.
  }
  throw new NotFoundError("The supplier", "id");
}

builder.mutationField("createSupplier", (t) =>
  t.field({
    type: SupplierNode,
    description: "Adds a supplier (finance officers and authority administrators).",
    errors: { types: [...standardErrors], dataField: { description: "The new supplier." } },
    args: { input: t.arg({ description: "The supplier.", type: CreateSupplierInput }) },
    resolve: (_root, { input }, context) =>
      createSupplier(context, {
        name: input.name.trim(),
        onSupplierList: input.onSupplierList ?? false,
        preferred: input.preferred ?? false,
        invoicesCouncil: input.invoicesCouncil ?? false,
      }),
  }),
);

builder.mutationField("updateSupplier", (t) =>
  t.field({
    type: SupplierNode,
    description: "Changes a supplier (finance officers and authority administrators).",
    errors: { types: [...standardErrors], dataField: { description: "The supplier as changed." } },
    args: {
      id: t.arg.id({ description: "The supplier's global id." }),
      input: t.arg({ description: "What to change.", type: UpdateSupplierInput }),
    },
    resolve: (_root, { id, input }, context) => {
      const changes = given(input);
      if (changes.name !== undefined) changes.name = changes.name.trim();
      return updateSupplier(context, supplierId(String(id)), changes);
    },
  }),
);
