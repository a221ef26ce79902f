import { z } from "zod";
import { PurchaseCategoryEnum } from "../cases/purchase-category.graphql.ts";
import { type BuilderTypes, builder } from "../graphql/builder.ts";
import { EcmOutcomeEnum, PurchaseRouteEnum } from "./purchase-enums.graphql.ts";
import { purchaseDetailsSchema, purchaseItemSchema } from "./purchase-input.ts";

export const PurchaseItemInput = builder.inputType("PurchaseItemInput", {
  description: "One thing to buy.",
  fields: (t) => ({
    category: t.field({ description: "What kind of help it is.", type: PurchaseCategoryEnum }),
    description: t.string({ description: "What it is, in words." }),
    supplierId: t.globalID({
      description: "Who supplies it (a Supplier id); needed for a supplier order.",
      required: false,
    }),
    unitCost: t.field({ type: "Pence", description: "The price of one, in pence." }),
    quantity: t.int({ required: false, description: "1 when left out." }),
  }),
  validate: purchaseItemSchema,
});

/** The details a draft has, shared by creating and changing one. */
const detailFields = (t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, "InputObject">) => ({
  items: t.field({
    description: "What to buy; replaces every item when given.",
    type: [PurchaseItemInput],
    required: false,
  }),
  intendedOutcomes: t.string({ required: false, description: "What difference this should make for the child." }),
  ecmOutcomes: t.field({
    description: "The Every Child Matters outcomes it aims at.",
    type: [EcmOutcomeEnum],
    required: false,
  }),
  otherFundingExplanation: t.string({
    required: false,
    description: "Why statutory funding, benefits or charities cannot pay.",
  }),
  matchedFunding: t.field({ type: "Pence", required: false, description: "What the family puts in, in pence." }),
  extensions: t.field({
    type: "JSON",
    required: false,
    description: 'The scheme\'s own fields, under its id: { "dorset": { … } }.',
  }),
});

export const CreatePurchaseRequestInput = builder.inputType("CreatePurchaseRequestInput", {
  description: "A new draft purchase request.",
  fields: (t) => ({
    caseId: t.globalID({ description: "The case it is for; you must be its lead professional." }),
    budgetId: t.globalID({ description: "The budget to draw on." }),
    route: t.field({ description: "An order from a supplier, or cash.", type: PurchaseRouteEnum }),
    ...detailFields(t),
  }),
  validate: purchaseDetailsSchema.extend({
    extensions: z.unknown().optional(),
    caseId: z.unknown(),
    budgetId: z.unknown(),
    route: z.string(),
  }),
});

export const UpdatePurchaseRequestInput = builder.inputType("UpdatePurchaseRequestInput", {
  description: "Only the fields given change; `items`, when given, replaces every item.",
  fields: (t) => ({
    budgetId: t.globalID({ description: "Another budget to draw on.", required: false }),
    route: t.field({ description: "Another route.", type: PurchaseRouteEnum, required: false }),
    ...detailFields(t),
  }),
  validate: purchaseDetailsSchema.extend({
    extensions: z.unknown().optional(),
    budgetId: z.unknown().optional(),
    route: z.string().nullish(),
  }),
});
