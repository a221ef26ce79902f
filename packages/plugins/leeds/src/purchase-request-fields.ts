import type { SchemeGate, SchemePlugin } from "@pathfinder/core";
import type { LeedsRequestExtension } from "./settings.ts";

type Builder = Parameters<NonNullable<SchemePlugin["graphql"]>>[0];

interface LeedsRequestView {
  route: "SUPPLIER_ORDER" | "CASH";
  cashReason: string | null;
  preferred: boolean[];
}

/**
 * `PurchaseRequest.leedsDetails`: the route in Leeds' words, and whether the items come from the
 * Council's preferred providers ("reference must be made to the Local Authority's preferred
 * providers and best value must be a priority at all times").
 */
export function registerPurchaseRequestFields(builder: Builder, gate: SchemeGate) {
  const LeedsPurchaseRequest = builder.objectRef<LeedsRequestView>("LeedsPurchaseRequest").implement({
    description: "A request's Early Intervention Fund attributes.",
    fields: (t) => ({
      routeLabel: t.string({
        description: "The route in Leeds' words: Route A (ordered by the IPC) or Route B (cash).",
        resolve: (view) =>
          view.route === "SUPPLIER_ORDER"
            ? "Route A: ordered by the IPC"
            : "Route B: cash signed for by the lead professional",
      }),
      cashReason: t.string({
        nullable: true,
        description: "Route B: why cash rather than an order.",
        resolve: (view) => view.cashReason,
      }),
      usesPreferredProviders: t.boolean({
        description: "Every item comes from one of the Council's preferred providers.",
        resolve: (view) => view.preferred.length > 0 && view.preferred.every(Boolean),
      }),
      preferredProviderItems: t.int({
        description: "How many items come from a preferred provider.",
        resolve: (view) => view.preferred.filter(Boolean).length,
      }),
      itemCount: t.int({ description: "How many items the request has.", resolve: (view) => view.preferred.length }),
    }),
  });

  // `as never`: from a plugin package TypeScript loses the validation plugin's augmentation of
  // the returned field ref; the field itself is fully typed.
  builder.prismaObjectField(
    "PurchaseRequest",
    "leedsDetails",
    (t) =>
      t.field({
        type: LeedsPurchaseRequest,
        nullable: true,
        description: "Leeds' attributes of this request; null when its budget is not on Leeds' scheme.",
        select: {
          route: true,
          extensions: true,
          budget: { select: { scheme: true } },
          items: { select: { supplier: { select: { preferred: true } } }, orderBy: { position: "asc" } },
        },
        resolve: async (request, _args, context) => {
          await gate(context);
          if (request.budget.scheme !== "leeds") return null;
          const leeds = ((request.extensions ?? {}) as Record<string, LeedsRequestExtension>).leeds ?? {};
          return {
            route: request.route,
            cashReason: leeds.cashReason?.trim() || null,
            preferred: request.items.map((item) => item.supplier?.preferred ?? false),
          };
        },
      }) as never,
  );
}
