import type { Prisma } from "../generated/prisma/client.ts";
import { builder } from "../graphql/builder.ts";
import { whereGlobalId } from "../graphql/global-id.ts";
import { accessibleBy } from "../permissions/casl-prisma.ts";
import { awaitingDecisionBy } from "./awaiting-decision-filter.ts";
import { PurchaseStatusEnum } from "./purchase-enums.graphql.ts";

const today = () => new Date(new Date().toISOString().slice(0, 10));

builder.queryField("purchaseRequests", (t) =>
  t.prismaConnection({
    type: "PurchaseRequest",
    cursor: "id",
    description: "Purchase requests you may see, newest first, filtered as asked.",
    authScopes: { signedIn: true },
    args: {
      status: t.arg({
        description: "Only requests with one of these statuses.",
        type: [PurchaseStatusEnum],
        required: false,
      }),
      caseId: t.arg.globalID({ description: "Only requests on this case.", required: false }),
      budgetId: t.arg.globalID({ description: "Only requests drawing on this budget.", required: false }),
      awaitingMyDecision: t.arg.boolean({
        required: false,
        description: "Only requests whose current step you may decide.",
      }),
      receiptsOverdue: t.arg.boolean({
        required: false,
        description: "Cash issued whose receipts are past their due date.",
      }),
      reviewOverdue: t.arg.boolean({ required: false, description: "Requests whose outcome review is past due." }),
    },
    resolve: (query, _root, args, context) => {
      const filters: Prisma.PurchaseRequestWhereInput[] = [accessibleBy(context.ability).ofType("PurchaseRequest")];
      if (args.status?.length) filters.push({ status: { in: args.status } });
      if (args.caseId) filters.push(whereGlobalId("caseId", args.caseId, "Case"));
      if (args.budgetId) filters.push(whereGlobalId("budgetId", args.budgetId, "Budget"));
      if (args.awaitingMyDecision && context.viewer) filters.push(awaitingDecisionBy(context.viewer));
      if (args.receiptsOverdue) filters.push({ route: "CASH", status: "FULFILLED", receiptsDueOn: { lt: today() } });
      if (args.reviewOverdue)
        filters.push({ status: { in: ["APPROVED", "FULFILLED", "RECONCILED"] }, reviewDueOn: { lt: today() } });
      return context.db.purchaseRequest.findMany({
        ...query,
        where: { AND: filters },
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      });
    },
  }),
);
