import type { Prisma } from "../generated/prisma/client.ts";
import { builder } from "../graphql/builder.ts";
import type { GraphQLContext } from "../graphql/context.ts";
import { type Permission, type RequestFacts, viewerCan } from "./viewer-can.ts";

const PermissionRef = builder.objectRef<Permission>("Permission").implement({
  description: "Whether you may do something, and if not, why not (for a disabled button's explanation).",
  fields: (t) => ({
    allowed: t.exposeBoolean("allowed", { description: "Whether you may." }),
    reason: t.exposeString("reason", { description: "Why not, for people; null when allowed.", nullable: true }),
  }),
});

type Permissions = ReturnType<typeof viewerCan>;
const actions: Record<keyof Permissions, string> = {
  submit: "Submit the draft (or returned request) for a decision.",
  edit: "Change the draft (or returned request).",
  withdraw: "Withdraw the request.",
  approve: "Approve its current step.",
  reject: "Reject it at its current step.",
  returnForChanges: "Return it to the requester for changes.",
  fulfil: "Record it as ordered, or its cash as issued.",
  recordReceipt: "Record a receipt against it.",
  returnUnspent: "Record unspent cash handed back.",
  reconcile: "Close its money side.",
  recordReview: "Record its outcome review.",
};

export const PurchaseRequestPermissions = builder.objectRef<Permissions>("PurchaseRequestPermissions").implement({
  description: "What you may do with a request now; each says why not when you may not.",
  fields: (t) =>
    Object.fromEntries(
      Object.entries(actions).map(([action, description]) => [
        action,
        t.field({ type: PermissionRef, description, resolve: (can) => can[action as keyof Permissions] }),
      ]),
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
