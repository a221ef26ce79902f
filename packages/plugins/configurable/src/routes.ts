import { formatPence, type Pence, type RequestUnderReview, type RuleViolation } from "@pathfinder/core";
import type { ConfigurableSettings } from "./settings.ts";

const ROUTE_NAMES = { SUPPLIER_ORDER: "an order from a supplier", CASH: "cash" } as const;

/** Which ways the money may go, and how much may go as cash, as the authority set them. */
export function routeViolations(
  settings: ConfigurableSettings,
  { request }: Pick<RequestUnderReview, "request">,
): RuleViolation[] {
  if (!settings.allowedRoutes.includes(request.route)) {
    const allowed = settings.allowedRoutes.map((route) => ROUTE_NAMES[route]).join(" or ");
    return [
      {
        code: "ROUTE_NOT_ALLOWED",
        field: "route",
        message: `This scheme does not pay by ${ROUTE_NAMES[request.route]}: ask for ${allowed} instead.`,
      },
    ];
  }
  if (request.route === "CASH" && settings.maxCashPence !== null && request.total > settings.maxCashPence) {
    const instead = settings.allowedRoutes.includes("SUPPLIER_ORDER")
      ? "ask for an order from a supplier instead"
      : "ask for less";
    return [
      {
        code: "CASH_LIMIT_EXCEEDED",
        field: "route",
        message: `Cash is limited to ${formatPence(settings.maxCashPence as Pence)} a request and this one is ${formatPence(request.total)}: ${instead}.`,
      },
    ];
  }
  return [];
}
