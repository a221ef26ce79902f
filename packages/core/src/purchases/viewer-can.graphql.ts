import type { Prisma } from "../generated/prisma/client.ts";
import { builder } from "../graphql/builder.ts";
import type { GraphQLContext } from "../graphql/context.ts";
import { type Permission, type RequestFacts, viewerCan } from "./viewer-can.ts";

const PermissionRef = builder.objectRef<Permission>("Permission").implement({
  description: "Whether you may do something, and if not, why not (for a disabled button's explanation).",
  fields: (t) => ({
    allowed: t.exposeBoolean("allowed"),
    reason: t.exposeString("reason", { nullable: true }),
  }),
});

type Permissions = ReturnType<typeof viewerCan>;
const actions: (keyof Permissions)[] = [
  "submit",
  "edit",
  "withdraw",
  "approve",
  "reject",
  "returnForChanges",
  "fulfil",
  "recordReceipt",
  "returnUnspent",
  "reconcile",
  "recordReview",
];

export const PurchaseRequestPermissions = builder.objectRef<Permissions>("PurchaseRequestPermissions").implement({
  fields: (t) =>
    Object.fromEntries(
      actions.map((action) => [action, t.field({ type: PermissionRef, resolve: (can) => can[action] })]),
    ),
});

/** The request's steps still to decide, latest round first: shared by viewerCan and currentStep. */
export const openStepsQuery = {
  where: { status: { in: ["PENDING", "WAITING"] } },
  orderBy: [{ round: "desc" }, { position: "asc" }],
} satisfies Prisma.PurchaseRequest$stepsArgs;

/** What `PurchaseRequest.viewerCan` needs loaded with the request. */
export const viewerCanSelect = {
  status: true,
  route: true,
  requesterId: true,
  total: true,
  case: { select: { leadProfessionalId: true } },
  budget: { select: { allocated: true, committed: true, spent: true, lapsed: true } },
  steps: {
    ...openStepsQuery,
    select: { status: true, role: true, areaId: true, label: true, area: { select: { name: true } } },
  },
} satisfies Prisma.PurchaseRequestSelect;

interface LoadedForViewerCan {
  status: RequestFacts["status"];
  route: RequestFacts["route"];
  requesterId: string;
  total: number;
  case: { leadProfessionalId: string | null };
  budget: RequestFacts["budget"];
  steps: { status: string; role: string; areaId: string | null; label: string; area: { name: string } | null }[];
}

export function resolveViewerCan(request: LoadedForViewerCan, context: GraphQLContext) {
  const [current, ...later] = request.steps;
  return viewerCan(context.viewer, context.ability, {
    ...request,
    leadProfessionalId: request.case.leadProfessionalId,
    currentStep:
      current?.status === "PENDING"
        ? { ...current, areaName: current.area?.name ?? null, isLast: !later.some((step) => step.status === "WAITING") }
        : null,
  });
}
