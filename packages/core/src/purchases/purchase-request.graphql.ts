import { subject } from "@casl/ability";
import { CaseRef } from "../cases/case.graphql.ts";
import { PurchaseCategoryEnum } from "../cases/purchase-category.graphql.ts";
import type { ApprovalStep as ApprovalStepRow, Case as CaseRow } from "../generated/prisma/client.ts";
import { builder } from "../graphql/builder.ts";
import { Money } from "../graphql/money.graphql.ts";
import { RoleEnum } from "../people/staff-user.graphql.ts";
import { accessibleBy } from "../permissions/casl-prisma.ts";
import {
  DecisionOutcomeEnum,
  EcmOutcomeEnum,
  PurchaseRouteEnum,
  PurchaseStatusEnum,
  StepStatusEnum,
} from "./purchase-enums.graphql.ts";
import { openStepsQuery, PurchaseRequestPermissions, resolveViewerCan, viewerCanSelect } from "./viewer-can.graphql.ts";

builder.prismaObject("PurchaseItem", {
  fields: (t) => ({
    category: t.expose("category", { type: PurchaseCategoryEnum }),
    description: t.exposeString("description"),
    supplier: t.relation("supplier", { nullable: true }),
    unitCost: t.field({ type: Money, resolve: (item) => item.unitCost }),
    quantity: t.exposeInt("quantity"),
    lineTotal: t.field({ type: Money, resolve: (item) => item.unitCost * item.quantity }),
  }),
});

builder.prismaObject("ApprovalStep", {
  description: "One step of the approval chain the scheme's policy set when the request was submitted.",
  fields: (t) => ({
    round: t.exposeInt("round", { description: "1 for the first submission, 2 after a return for changes, …" }),
    position: t.exposeInt("position"),
    role: t.expose("role", { type: RoleEnum }),
    label: t.exposeString("label"),
    area: t.relation("area", { nullable: true }),
    status: t.expose("status", { type: StepStatusEnum }),
  }),
});

builder.prismaObject("Decision", {
  fields: (t) => ({
    outcome: t.expose("outcome", { type: DecisionOutcomeEnum }),
    note: t.exposeString("note"),
    role: t.expose("role", { type: RoleEnum }),
    decider: t.relation("decider"),
    onBehalfOf: t.relation("onBehalfOf", {
      nullable: true,
      description: "Set when the decider was covering for a colleague.",
    }),
    rulesVersion: t.exposeString("rulesVersion", {
      nullable: true,
      description: "The version of the scheme's rules it was made under.",
    }),
    decidedAt: t.expose("decidedAt", { type: "DateTime" }),
  }),
});

builder.prismaObject("PurchaseStatusChange", {
  fields: (t) => ({
    from: t.expose("fromStatus", { type: PurchaseStatusEnum, nullable: true }),
    to: t.expose("toStatus", { type: PurchaseStatusEnum }),
    at: t.expose("at", { type: "DateTime" }),
    actor: t.relation("actor", { nullable: true }),
    note: t.exposeString("note"),
  }),
});

builder.prismaObject("Receipt", {
  fields: (t) => ({
    amount: t.field({ type: Money, resolve: (receipt) => receipt.amount }),
    description: t.exposeString("description"),
    attachmentId: t.exposeID("attachmentId", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.prismaObject("Review", {
  fields: (t) => ({
    outcomeAchieved: t.exposeString("outcomeAchieved"),
    ecmAchieved: t.expose("ecmAchieved", { type: [EcmOutcomeEnum] }),
    familyComments: t.exposeString("familyComments"),
    otherNotes: t.exposeString("otherNotes"),
    recordedAt: t.expose("recordedAt", { type: "DateTime" }),
  }),
});

export const PurchaseRequestRef = builder.prismaNode("PurchaseRequest", {
  id: { field: "id" },
  nullable: true,
  findUnique: (id, context) => ({ id, AND: [accessibleBy(context.ability).ofType("PurchaseRequest")] }),
  fields: (t) => ({
    reference: t.exposeString("reference"),
    status: t.expose("status", { type: PurchaseStatusEnum }),
    route: t.expose("route", { type: PurchaseRouteEnum }),
    case: t.field({
      type: CaseRef,
      nullable: true,
      description: "null for people who may not see the case (finance, overseers): they see amounts, not children.",
      // Loaded with the request (one SQL statement for a whole page), then checked against the
      // viewer's Case rules in memory: those rules name only the case's own columns (see CaseRef).
      select: (_args, _context, nestedSelection) => ({
        case: nestedSelection({ select: { authorityId: true, areaId: true, leadProfessionalId: true } }),
      }),
      resolve: (request, _args, context) => {
        const row = request.case as unknown as CaseRow;
        return context.ability.can("read", subject("Case", row)) ? row : null;
      },
    }),
    caseId: t.exposeID("caseId"),
    budget: t.relation("budget"),
    requester: t.relation("requester"),
    items: t.relation("items", { query: { orderBy: { position: "asc" } } }),
    total: t.field({ type: Money, resolve: (request) => request.total }),
    matchedFunding: t.field({ type: Money, resolve: (request) => request.matchedFunding }),
    intendedOutcomes: t.exposeString("intendedOutcomes"),
    ecmOutcomes: t.expose("ecmOutcomes", { type: [EcmOutcomeEnum] }),
    otherFundingExplanation: t.exposeString("otherFundingExplanation"),
    rulesVersion: t.exposeString("rulesVersion", { nullable: true }),
    extensions: t.field({
      type: "JSON",
      description: "The scheme's own fields, under its id.",
      resolve: (request) => request.extensions,
    }),
    steps: t.relation("steps", { query: { orderBy: [{ round: "asc" }, { position: "asc" }] } }),
    currentStep: t.prismaField({
      type: "ApprovalStep",
      nullable: true,
      description: "The step the request is waiting on now, if any.",
      // The same steps, with the same arguments, as viewerCan loads: Pothos merges the two
      // selections into one join, where different arguments would cost a query per request.
      select: (_args, _context, nestedSelection) => ({
        steps: nestedSelection({ ...openStepsQuery, select: { status: true } }),
      }),
      resolve: (_query, request) =>
        (request.steps.find((step) => step.status === "PENDING") as ApprovalStepRow | undefined) ?? null,
    }),
    decisions: t.relation("decisions", { query: { orderBy: { decidedAt: "asc" } } }),
    history: t.relation("history", { query: { orderBy: { at: "asc" } } }),
    receipts: t.relation("receipts", { query: { orderBy: { createdAt: "asc" } } }),
    review: t.relation("review", { nullable: true }),
    orderReference: t.exposeString("orderReference", { nullable: true }),
    cashIssued: t.field({ type: Money, nullable: true, resolve: (request) => request.cashIssued }),
    cashSignedForBy: t.exposeString("cashSignedForBy", { nullable: true }),
    receiptsDueOn: t.expose("receiptsDueOn", { type: "Date", nullable: true }),
    reviewDueOn: t.expose("reviewDueOn", { type: "Date", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    submittedAt: t.expose("submittedAt", { type: "DateTime", nullable: true }),
    decidedAt: t.expose("decidedAt", { type: "DateTime", nullable: true }),
    fulfilledAt: t.expose("fulfilledAt", { type: "DateTime", nullable: true }),
    reconciledAt: t.expose("reconciledAt", { type: "DateTime", nullable: true }),
    closedAt: t.expose("closedAt", { type: "DateTime", nullable: true }),
    viewerCan: t.field({
      type: PurchaseRequestPermissions,
      description: "What you may do with this request now, and why not.",
      select: viewerCanSelect,
      resolve: (request, _args, context) => resolveViewerCan(request, context),
    }),
  }),
});
