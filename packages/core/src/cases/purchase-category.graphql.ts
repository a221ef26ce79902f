import { PurchaseCategory } from "../generated/prisma/enums.ts";
import { builder } from "../graphql/builder.ts";

/** The purchase categories named in the schemes' documents; shared by requests and unmet needs. */
export const PurchaseCategoryEnum = builder.enumType(PurchaseCategory, {
  name: "PurchaseCategory",
  values: {
    CHILDCARE: { description: "Childcare or nursery places." },
    CLOTHING_AND_UNIFORM: { description: "Clothing, shoes and school uniform." },
    COUNSELLING_OR_TRADED_SERVICE: { description: "Counselling, therapy or another service bought in." },
    DOMESTIC_EQUIPMENT: { description: "Beds, bedding, cookers, washing machines and other household equipment." },
    EDUCATION_AND_TRAINING: { description: "Courses, tuition and learning materials." },
    EMERGENCY_PROVISION: { description: "Food, fuel or other help in a crisis." },
    HOUSING_SET_UP: { description: "Setting up or making safe a home." },
    LEISURE_OR_CULTURAL: { description: "Clubs, activities, trips and memberships." },
    OTHER: { description: "Anything else; describe it." },
    TRANSPORT: { description: "Travel: fares, passes, bicycles." },
  },
  description: "What kind of help is bought (or was needed but could not be bought).",
});
