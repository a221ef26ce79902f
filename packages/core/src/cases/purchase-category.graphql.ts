import { PurchaseCategory } from "../generated/prisma/enums.ts";
import { builder } from "../graphql/builder.ts";

/** The purchase categories named in the schemes' documents; shared by requests and unmet needs. */
export const PurchaseCategoryEnum = builder.enumType(PurchaseCategory, {
  name: "PurchaseCategory",
  description: "What kind of help is bought (or was needed but could not be bought).",
});
