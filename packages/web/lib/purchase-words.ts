import type { EcmOutcome, PurchaseCategory } from "./generated/graphql";

export const ecmOutcomeWords: Record<EcmOutcome, string> = {
  BE_HEALTHY: "Be healthy",
  STAY_SAFE: "Stay safe",
  ENJOY_AND_ACHIEVE: "Enjoy and achieve",
  MAKE_A_POSITIVE_CONTRIBUTION: "Make a positive contribution",
  ACHIEVE_ECONOMIC_WELLBEING: "Achieve economic well-being",
};

export const categoryWords: Record<PurchaseCategory, string> = {
  CHILDCARE: "Childcare",
  CLOTHING_AND_UNIFORM: "Clothing and uniform",
  COUNSELLING_OR_TRADED_SERVICE: "Counselling or a traded service",
  DOMESTIC_EQUIPMENT: "Domestic equipment",
  EDUCATION_AND_TRAINING: "Education and training",
  EMERGENCY_PROVISION: "Emergency provision",
  HOUSING_SET_UP: "Setting up a home",
  LEISURE_OR_CULTURAL: "Leisure or cultural activity",
  OTHER: "Something else",
  TRANSPORT: "Transport",
};

/** Core's words for the routes; a scheme's labels (Leeds' "Route A") replace them. */
export const routeWords = {
  SUPPLIER_ORDER: "An order from a supplier",
  CASH: "Cash to you, with receipts and any change brought back",
} as const;
