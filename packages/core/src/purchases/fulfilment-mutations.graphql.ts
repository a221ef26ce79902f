import { z } from "zod";
import { builder } from "../graphql/builder.ts";
import { DomainError } from "../graphql/domain-errors.ts";
import { standardErrors } from "../graphql/error-types.ts";
import { findAccessible } from "../graphql/find-accessible.ts";
import { idOfType } from "../graphql/global-id.ts";
import { inTransaction } from "../graphql/in-transaction.ts";
import { requireViewer } from "../graphql/require-viewer.ts";
import { fulfilPurchase } from "./fulfil-purchase.ts";
import { EcmOutcomeEnum } from "./purchase-enums.graphql.ts";
import { reconcilePurchase, recordReceipt, returnUnspent } from "./receipts-and-returns.ts";
import { reviewPurchase } from "./review-purchase.ts";

const pence = z.number().int("Amounts are whole pence").positive("The amount must be more than £0.00");

const FulfilmentInput = builder.inputType("FulfilmentInput", {
  description: "An order reference for a supplier order; or the cash issued and who signed for it.",
  fields: (t) => ({
    orderReference: t.string({ description: "The order reference, for a supplier order.", required: false }),
    cashIssued: t.field({
      description: "The cash issued, in pence, for a cash request; at most the approved total.",
      type: "Pence",
      required: false,
    }),
    cashSignedForBy: t.string({ description: "Who signed for the cash.", required: false }),
  }),
});

builder.mutationField("recordFulfilment", (t) =>
  t.prismaField({
    description: "Records an approved request as ordered or its cash as issued: the committed money is spent.",
    type: "PurchaseRequest",
    errors: { types: [...standardErrors], dataField: { description: "The fulfilled request." } },
    args: {
      id: t.arg.globalID({ description: "The approved request." }),
      input: t.arg({ description: "The order reference, or the cash issued.", type: FulfilmentInput }),
    },
    resolve: async (query, _root, args, context) => {
      const viewer = requireViewer(context);
      const id = idOfType(args.id, "PurchaseRequest", "id");
      return inTransaction(context, async (tx) => {
        await findAccessible(tx, context.ability, "purchaseRequest", id, "fulfil", "The request", "id");
        await fulfilPurchase(tx, viewer, context.schemes, id, args.input);
        return tx.purchaseRequest.findUniqueOrThrow({ ...query, where: { id } });
      });
    },
  }),
);

const ReceiptInput = builder.inputType("ReceiptInput", {
  description: "A receipt for money spent.",
  fields: (t) => ({
    amount: t.field({ description: "How much it shows was spent, in pence.", type: "Pence", validate: pence }),
    description: t.string({ description: "What it is for.", required: false }),
    attachmentId: t.globalID({ required: false, description: "The uploaded receipt (or invoice) file." }),
  }),
});

/** Receipts come from the lead professional (cash) or finance (invoices): either may record them. */
async function loadForMoneyBack(
  context: Parameters<typeof requireViewer>[0],
  tx: Parameters<typeof findAccessible>[0],
  id: string,
) {
  const canFulfil = context.ability.can("fulfil", "PurchaseRequest");
  return findAccessible(
    tx,
    context.ability,
    "purchaseRequest",
    id,
    canFulfil ? "fulfil" : "update",
    "The request",
    "id",
  );
}

builder.mutationField("recordReceipt", (t) =>
  t.prismaField({
    type: "PurchaseRequest",
    description: "A receipt for cash spent, or the supplier's invoice for an order (which spends the committed money).",
    errors: { types: [...standardErrors], dataField: { description: "The request with the receipt." } },
    args: {
      id: t.arg.globalID({ description: "The fulfilled request." }),
      input: t.arg({ description: "The receipt.", type: ReceiptInput }),
    },
    resolve: async (query, _root, { id: globalId, input }, context) => {
      const viewer = requireViewer(context);
      const id = idOfType(globalId, "PurchaseRequest", "id");
      const attachmentId = input.attachmentId ? idOfType(input.attachmentId, "Attachment", "input.attachmentId") : null;
      return inTransaction(context, async (tx) => {
        await loadForMoneyBack(context, tx, id);
        if (attachmentId)
          await findAccessible(
            tx,
            context.ability,
            "attachment",
            attachmentId,
            "read",
            "The receipt file",
            "input.attachmentId",
          );
        await recordReceipt(tx, viewer, id, {
          amount: input.amount,
          description: input.description?.trim() ?? "",
          attachmentId,
        });
        return tx.purchaseRequest.findUniqueOrThrow({ ...query, where: { id } });
      });
    },
  }),
);

builder.mutationField("returnUnspent", (t) =>
  t.prismaField({
    type: "PurchaseRequest",
    description: "Records unspent cash handed back; it returns to the budget.",
    errors: { types: [...standardErrors], dataField: { description: "The request after the return." } },
    args: {
      id: t.arg.globalID({ description: "The cash request." }),
      amount: t.arg({ description: "How much came back, in pence.", type: "Pence", validate: pence }),
    },
    resolve: async (query, _root, args, context) => {
      const viewer = requireViewer(context);
      const id = idOfType(args.id, "PurchaseRequest", "id");
      return inTransaction(context, async (tx) => {
        await findAccessible(tx, context.ability, "purchaseRequest", id, "fulfil", "The request", "id");
        await returnUnspent(tx, viewer, id, args.amount);
        return tx.purchaseRequest.findUniqueOrThrow({ ...query, where: { id } });
      });
    },
  }),
);

builder.mutationField("reconcilePurchaseRequest", (t) =>
  t.prismaField({
    type: "PurchaseRequest",
    description:
      "Closes the money side once receipts (and any change) are in; an order's unused commitment is released.",
    errors: { types: [...standardErrors], dataField: { description: "The reconciled request." } },
    args: { id: t.arg.globalID({ description: "The fulfilled request." }) },
    resolve: async (query, _root, args, context) => {
      const viewer = requireViewer(context);
      const id = idOfType(args.id, "PurchaseRequest", "id");
      return inTransaction(context, async (tx) => {
        await findAccessible(tx, context.ability, "purchaseRequest", id, "fulfil", "The request", "id");
        await reconcilePurchase(tx, viewer, id);
        return tx.purchaseRequest.findUniqueOrThrow({ ...query, where: { id } });
      });
    },
  }),
);

const ReviewInput = builder.inputType("ReviewInput", {
  description: "The outcome review of a request.",
  fields: (t) => ({
    outcomeAchieved: t.string({
      description: "The outcome, in your words.",
      validate: z.string().trim().min(1, "Say what the outcome was").max(4000, "Keep it under 4,000 characters"),
    }),
    ecmAchieved: t.field({
      description: "The Every Child Matters outcomes it helped achieve.",
      type: [EcmOutcomeEnum],
      required: false,
    }),
    familyComments: t.string({ description: "What the family said.", required: false }),
    otherNotes: t.string({ description: "Anything else.", required: false }),
  }),
});

builder.mutationField("recordReview", (t) =>
  t.prismaField({
    type: "PurchaseRequest",
    description: "Records the outcome review: what difference the purchase made. This closes the request.",
    errors: { types: [...standardErrors], dataField: { description: "The closed request." } },
    args: {
      id: t.arg.globalID({ description: "The request." }),
      input: t.arg({ description: "The review.", type: ReviewInput }),
    },
    resolve: async (query, _root, { id: globalId, input }, context) => {
      const viewer = requireViewer(context);
      const id = idOfType(globalId, "PurchaseRequest", "id");
      return inTransaction(context, async (tx) => {
        const request = await findAccessible(tx, context.ability, "purchaseRequest", id, "update", "The request", "id");
        if (request.requesterId !== viewer.id && !context.ability.can("update", "Case"))
          throw new DomainError("NOT_LEAD_PROFESSIONAL", "The case's lead professional records the review.");
        await reviewPurchase(tx, viewer, id, {
          outcomeAchieved: input.outcomeAchieved.trim(),
          ecmAchieved: [...new Set(input.ecmAchieved ?? [])],
          familyComments: input.familyComments?.trim() ?? "",
          otherNotes: input.otherNotes?.trim() ?? "",
        });
        return tx.purchaseRequest.findUniqueOrThrow({ ...query, where: { id } });
      });
    },
  }),
);
