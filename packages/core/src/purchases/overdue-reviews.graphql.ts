import { builder } from "../graphql/builder.ts";
import { requireViewer } from "../graphql/require-viewer.ts";
import { accessibleBy } from "../permissions/casl-prisma.ts";

/** Today's date in UTC, as the `review_due_on` date column stores days. */
const today = () => new Date(new Date().toISOString().slice(0, 10));

builder.queryField("overdueReviews", (t) =>
  t.prismaField({
    type: ["PurchaseRequest"],
    description:
      "Outcome reviews past their due date that are yours to chase: requests on cases you lead, and requests you approved (yourself or as cover). Oldest due first.",
    authScopes: { signedIn: true },
    resolve: (query, _root, _args, context) => {
      const viewer = requireViewer(context);
      return context.db.purchaseRequest.findMany({
        ...query,
        where: {
          AND: [
            accessibleBy(context.ability).ofType("PurchaseRequest"),
            { status: { in: ["APPROVED", "FULFILLED", "RECONCILED"] }, reviewDueOn: { lt: today() } },
            {
              OR: [
                { case: { is: { leadProfessionalId: viewer.id } } },
                {
                  decisions: {
                    some: { outcome: "APPROVED", OR: [{ deciderId: viewer.id }, { onBehalfOfId: viewer.id }] },
                  },
                },
              ],
            },
          ],
        },
        orderBy: [{ reviewDueOn: "asc" }, { reference: "asc" }],
      });
    },
  }),
);
