import type { SchemePlugin } from "@pathfinder/core";
import { registerCaseStudy } from "./case-study-graphql.ts";
import { registerLeedsError } from "./errors.ts";
import { registerPurchaseRequestFields } from "./purchase-request-fields.ts";
import { registerUnmetNeedsReport } from "./unmet-needs.ts";

/**
 * Leeds' own API: the route and preferred providers of a request (`PurchaseRequest.leedsDetails`), the
 * unmet needs report for commissioning (`leedsUnmetNeedsByWedge`), and the case study proforma
 * (`Case.leedsCaseStudy`, `leedsRecordCaseStudy`). Every resolver passes the scheme gate first.
 */
export const leedsGraphQL: NonNullable<SchemePlugin["graphql"]> = (builder, gate) => {
  registerLeedsError(builder);
  registerPurchaseRequestFields(builder, gate);
  registerUnmetNeedsReport(builder, gate);
  registerCaseStudy(builder, gate);
};
