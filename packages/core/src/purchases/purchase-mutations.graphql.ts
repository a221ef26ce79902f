import { z } from "zod";
import { recordAudit } from "../audit/audit-log.ts";
import type { Transaction } from "../db/transaction.ts";
import { formatPence, type Pence } from "../domain/money.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { builder } from "../graphql/builder.ts";
import type { GraphQLContext } from "../graphql/context.ts";
import { DomainError } from "../graphql/domain-errors.ts";
import { standardErrors } from "../graphql/error-types.ts";
import { findAccessible } from "../graphql/find-accessible.ts";
import { idOfType } from "../graphql/global-id.ts";
import { inTransaction } from "../graphql/in-transaction.ts";
import { requireViewer } from "../graphql/require-viewer.ts";
import { validRequestExtensions } from "../plugins/request-extensions.ts";
import { CreatePurchaseRequestInput, UpdatePurchaseRequestInput } from "./purchase-inputs.graphql.ts";
import { nextPurchaseReference } from "./purchase-references.ts";
import { WrongStatusError } from "./purchase-status.ts";
import { RulesBrokenError } from "./rules-broken-error.ts";
import { submitPurchase } from "./submit-purchase.ts";
import { withdrawPurchase } from "./withdraw-purchase.ts";
import { detailColumns, replaceItems } from "./write-purchase-draft.ts";

/** Checks the viewer may draw on the budget, and validates the request's extensions against its scheme. */
async function budgetExtensions(tx: Transaction, context: GraphQLContext, budgetId: string, extensions: unknown) {
  const budget = await findAccessible(tx, context.ability, "budget", budgetId, "read", "The budget", "input.budgetId");
  return validRequestExtensions(context.plugins, budget.scheme, extensions) as Prisma.InputJsonValue;
}

builder.mutationField("createPurchaseRequest", (t) =>
  t.prismaField({
    type: "PurchaseRequest",
    description: "Starts a draft request for a case you lead. Nothing is checked against the scheme until you submit.",
    errors: { types: [...standardErrors], dataField: { description: "The new draft." } },
    args: { input: t.arg({ description: "The draft.", type: CreatePurchaseRequestInput }) },
    resolve: async (query, _root, { input }, context) => {
      const viewer = requireViewer(context);
      const caseId = idOfType(input.caseId, "Case", "input.caseId");
      const budgetId = idOfType(input.budgetId, "Budget", "input.budgetId");
      return inTransaction(context, async (tx) => {
        const theCase = await findAccessible(tx, context.ability, "case", caseId, "update", "The case", "input.caseId");
        if (theCase.leadProfessionalId !== viewer.id || theCase.status !== "OPEN")
          throw new DomainError(
            "NOT_LEAD_PROFESSIONAL",
            "Only the lead professional of an open case can ask for money for it.",
            "input.caseId",
          );
        const extensions = await budgetExtensions(tx, context, budgetId, input.extensions);
        const request = await tx.purchaseRequest.create({
          data: {
            authorityId: viewer.authorityId,
            caseId,
            budgetId,
            requesterId: viewer.id,
            route: input.route,
            extensions,
            reference: await nextPurchaseReference(tx, viewer.authorityId),
            ...(detailColumns(input) as object),
          },
        });
        await tx.purchaseStatusChange.create({
          data: {
            authorityId: viewer.authorityId,
            purchaseRequestId: request.id,
            toStatus: "DRAFT",
            actorId: viewer.id,
          },
        });
        const total = input.items ? await replaceItems(tx, context.ability, request, input.items) : 0;
        await recordAudit(tx, viewer, {
          action: "purchase.create",
          entityType: "PurchaseRequest",
          entityId: request.id,
          caseId,
          summary: `Started request ${request.reference} for ${formatPence(total as Pence)}`,
        });
        return tx.purchaseRequest.findUniqueOrThrow({ ...query, where: { id: request.id } });
      });
    },
  }),
);

builder.mutationField("updatePurchaseRequest", (t) =>
  t.prismaField({
    type: "PurchaseRequest",
    description: "Changes a draft, or a request returned for changes.",
    errors: { types: [...standardErrors], dataField: { description: "The draft as changed." } },
    args: {
      id: t.arg.globalID({ description: "The draft (or returned request)." }),
      input: t.arg({ description: "What to change.", type: UpdatePurchaseRequestInput }),
    },
    resolve: async (query, _root, { id: globalId, input }, context) => {
      const viewer = requireViewer(context);
      const id = idOfType(globalId, "PurchaseRequest", "id");
      return inTransaction(context, async (tx) => {
        const request = await findAccessible(tx, context.ability, "purchaseRequest", id, "update", "The request", "id");
        if (request.status !== "DRAFT" && request.status !== "RETURNED")
          throw new WrongStatusError("changed", request.status);
        if (request.requesterId !== viewer.id)
          throw new DomainError("NOT_REQUESTER", "Only the person who raised the request can change it.");
        const budgetId = input.budgetId ? idOfType(input.budgetId, "Budget", "input.budgetId") : request.budgetId;
        // Given extensions replace the scheme's fields; a change of budget re-checks the ones kept.
        const extensions = await budgetExtensions(tx, context, budgetId, input.extensions ?? request.extensions);
        await tx.purchaseRequest.update({
          where: { id },
          data: {
            ...detailColumns(input),
            budgetId,
            extensions,
            ...(input.route ? { route: input.route } : {}),
          },
        });
        if (input.items) await replaceItems(tx, context.ability, request, input.items);
        await recordAudit(tx, viewer, {
          action: "purchase.update",
          entityType: "PurchaseRequest",
          entityId: id,
          caseId: request.caseId,
          summary: `Changed request ${request.reference}`,
          before: request,
        });
        return tx.purchaseRequest.findUniqueOrThrow({ ...query, where: { id } });
      });
    },
  }),
);

builder.mutationField("submitPurchaseRequest", (t) =>
  t.prismaField({
    type: "PurchaseRequest",
    description:
      "Submits a request for a decision. It is checked against core's and its scheme's rules, and refused with every " +
      "reason at once if it breaks any. Where the scheme lets the requester sign off at once, it is approved and the money committed.",
    errors: {
      types: [RulesBrokenError, ...standardErrors],
      dataField: { description: "The submitted (or at once approved) request." },
    },
    args: { id: t.arg.globalID({ description: "The draft to submit." }) },
    resolve: async (query, _root, args, context) => {
      const viewer = requireViewer(context);
      const id = idOfType(args.id, "PurchaseRequest", "id");
      return inTransaction(context, async (tx) => {
        await findAccessible(tx, context.ability, "purchaseRequest", id, "update", "The request", "id");
        await submitPurchase(tx, viewer, context.schemes, id);
        return tx.purchaseRequest.findUniqueOrThrow({ ...query, where: { id } });
      });
    },
  }),
);

builder.mutationField("withdrawPurchaseRequest", (t) =>
  t.prismaField({
    type: "PurchaseRequest",
    description: "Withdraws a request before it is fulfilled. An approved request's money goes back to the budget.",
    errors: { types: [...standardErrors], dataField: { description: "The withdrawn request." } },
    args: {
      id: t.arg.globalID({ description: "The request to withdraw." }),
      reason: t.arg.string({
        description: "Why it is withdrawn.",
        validate: z.string().trim().min(1, "Say why the request is withdrawn"),
      }),
    },
    resolve: async (query, _root, args, context) => {
      const viewer = requireViewer(context);
      const id = idOfType(args.id, "PurchaseRequest", "id");
      return inTransaction(context, async (tx) => {
        await findAccessible(tx, context.ability, "purchaseRequest", id, "update", "The request", "id");
        await withdrawPurchase(tx, viewer, id, args.reason);
        return tx.purchaseRequest.findUniqueOrThrow({ ...query, where: { id } });
      });
    },
  }),
);
