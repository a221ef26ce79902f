import { subject } from "@casl/ability";
import { AttachmentNode } from "../attachments/attachment.graphql.ts";
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
  description: "One thing bought: what, from whom, how many and at what price.",
  fields: (t) => ({
    category: t.expose("category", { description: "What kind of help it is.", type: PurchaseCategoryEnum }),
    description: t.exposeString("description", { description: "What it is, in words." }),
    supplier: t.relation("supplier", {
      description: "Who supplies it; null for cash purchases without one.",
      nullable: true,
    }),
    unitCost: t.field({ description: "The price of one.", type: Money, resolve: (item) => item.unitCost }),
    quantity: t.exposeInt("quantity", { description: "How many." }),
    lineTotal: t.field({
      description: "unitCost × quantity.",
      type: Money,
      resolve: (item) => item.unitCost * item.quantity,
    }),
  }),
});

builder.prismaObject("ApprovalStep", {
  description: "One step of the approval chain the scheme's policy set when the request was submitted.",
  fields: (t) => ({
    round: t.exposeInt("round", { description: "1 for the first submission, 2 after a return for changes, …" }),
    position: t.exposeInt("position", { description: "The step's place in its round, from 1." }),
    role: t.expose("role", { description: "The core role that decides this step.", type: RoleEnum }),
    label: t.exposeString("label", { description: 'The scheme\'s name for the step, e.g. "Locality co-ordinator".' }),
    area: t.relation("area", {
      description: "The area whose approvers decide it; null when any in the authority may.",
      nullable: true,
    }),
    status: t.expose("status", { description: "Waiting, pending or decided.", type: StepStatusEnum }),
  }),
});

builder.prismaObject("Decision", {
  description: "An approver's decision on one step of a request.",
  fields: (t) => ({
    outcome: t.expose("outcome", { description: "What was decided.", type: DecisionOutcomeEnum }),
    note: t.exposeString("note", { description: "The approver's reasons or conditions." }),
    role: t.expose("role", { description: "The role it was decided in.", type: RoleEnum }),
    decider: t.relation("decider", { description: "Who decided." }),
    onBehalfOf: t.relation("onBehalfOf", {
      nullable: true,
      description: "Set when the decider was covering for a colleague.",
    }),
    rulesVersion: t.exposeString("rulesVersion", {
      nullable: true,
      description: "The version of the scheme's rules it was made under.",
    }),
    decidedAt: t.expose("decidedAt", { description: "When.", type: "DateTime" }),
  }),
});

builder.prismaObject("PurchaseStatusChange", {
  description: "One change of a request's status, for its history.",
  fields: (t) => ({
    from: t.expose("fromStatus", {
      description: "The status before; null when the request was created.",
      type: PurchaseStatusEnum,
      nullable: true,
    }),
    to: t.expose("toStatus", { description: "The status after.", type: PurchaseStatusEnum }),
    at: t.expose("at", { description: "When.", type: "DateTime" }),
    actor: t.relation("actor", {
      description: "Who made the change; null for the platform's own jobs.",
      nullable: true,
    }),
    note: t.exposeString("note", { description: "Why, if a reason was given." }),
  }),
});

builder.prismaObject("Receipt", {
  description: "A receipt (or invoice) for money spent on a request.",
  fields: (t) => ({
    amount: t.field({ description: "How much it shows was spent.", type: Money, resolve: (receipt) => receipt.amount }),
    description: t.exposeString("description", { description: "What it is for." }),
    attachmentId: t.exposeID("attachmentId", {
      description: "The uploaded file, if any (a database id, not a global id).",
      nullable: true,
    }),
    attachment: t.prismaField({
      type: AttachmentNode,
      nullable: true,
      description: "The uploaded receipt or invoice file; null if there is none or you may not see it.",
      // Filtered in SQL: finance may see receipts while the case's other files stay closed to them.
      resolve: (query, receipt, _args, context) =>
        receipt.attachmentId
          ? context.db.attachment.findFirst({
              ...query,
              where: { AND: [accessibleBy(context.ability).ofType("Attachment"), { id: receipt.attachmentId }] },
            })
          : null,
    }),
    createdAt: t.expose("createdAt", { description: "When it was recorded.", type: "DateTime" }),
  }),
});

builder.prismaObject("Review", {
  description: "The outcome review: what difference the purchase made.",
  fields: (t) => ({
    outcomeAchieved: t.exposeString("outcomeAchieved", {
      description: "The outcome, in the lead professional's words.",
    }),
    ecmAchieved: t.expose("ecmAchieved", {
      description: "The Every Child Matters outcomes it helped achieve.",
      type: [EcmOutcomeEnum],
    }),
    familyComments: t.exposeString("familyComments", { description: "What the family said." }),
    otherNotes: t.exposeString("otherNotes", { description: "Anything else." }),
    recordedAt: t.expose("recordedAt", { description: "When it was recorded.", type: "DateTime" }),
  }),
});

export const PurchaseRequestRef = builder.prismaNode("PurchaseRequest", {
  // Select mode, with the short columns every list shows always loaded: their fields read the
  // row directly, without select mode's per-field, per-row selection lookup (bench/README.md,
  // "Selected columns"). None of them is personal data.
  select: {
    id: true,
    authorityId: true,
    reference: true,
    status: true,
    total: true,
    submittedAt: true,
    createdAt: true,
  },
  description:
    "A lead professional's request to spend from a budget on a case, its approval chain and what happened after.",
  id: { field: "id" },
  nullable: true,
  findUnique: (id, context) => ({ id, AND: [accessibleBy(context.ability).ofType("PurchaseRequest")] }),
  fields: (t) => ({
    reference: t.string({
      description: 'Unique in the authority, e.g. "PR-2026-0042".',
      resolve: (request) => request.reference,
    }),
    status: t.field({
      description: "Where the request is in its life.",
      type: PurchaseStatusEnum,
      resolve: (request) => request.status,
    }),
    route: t.expose("route", { description: "An order from a supplier, or cash.", type: PurchaseRouteEnum }),
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
    caseId: t.exposeID("caseId", { description: "The case's global id, for people who may not see the case itself." }),
    budget: t.relation("budget", { description: "The budget it draws on." }),
    requester: t.relation("requester", { description: "The lead professional who raised it." }),
    items: t.relation("items", { description: "What is bought, in order.", query: { orderBy: { position: "asc" } } }),
    total: t.field({
      description: "The sum of the items' line totals.",
      type: Money,
      resolve: (request) => request.total,
    }),
    matchedFunding: t.field({
      description: "What the family puts in.",
      type: Money,
      select: { matchedFunding: true },
      resolve: (request) => request.matchedFunding,
    }),
    intendedOutcomes: t.exposeString("intendedOutcomes", {
      description: "What difference this should make for the child.",
    }),
    ecmOutcomes: t.expose("ecmOutcomes", {
      description: "The Every Child Matters outcomes it aims at.",
      type: [EcmOutcomeEnum],
    }),
    otherFundingExplanation: t.exposeString("otherFundingExplanation", {
      description: "Why statutory funding, benefits or charities cannot pay.",
    }),
    rulesVersion: t.exposeString("rulesVersion", {
      description: "The version of the scheme's rules it was submitted under; null for a draft.",
      nullable: true,
    }),
    extensions: t.field({
      type: "JSON",
      description: "The scheme's own fields, under its id.",
      select: { extensions: true },
      resolve: (request) => request.extensions,
    }),
    steps: t.relation("steps", {
      description: "The approval chain, every round, in order.",
      query: { orderBy: [{ round: "asc" }, { position: "asc" }] },
    }),
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
    decisions: t.relation("decisions", {
      description: "Every decision, oldest first.",
      query: { orderBy: { decidedAt: "asc" } },
    }),
    history: t.relation("history", {
      description: "Every change of status, oldest first.",
      query: { orderBy: { at: "asc" } },
    }),
    receipts: t.relation("receipts", {
      description: "Receipts recorded, oldest first.",
      query: { orderBy: { createdAt: "asc" } },
    }),
    review: t.relation("review", { description: "The outcome review, once recorded.", nullable: true }),
    orderReference: t.exposeString("orderReference", {
      description: "The order reference, for a supplier order once fulfilled.",
      nullable: true,
    }),
    cashIssued: t.field({
      description: "The cash issued, for a cash request once fulfilled.",
      type: Money,
      nullable: true,
      select: { cashIssued: true },
      resolve: (request) => request.cashIssued,
    }),
    cashSignedForBy: t.exposeString("cashSignedForBy", {
      description: "Who signed for the cash (a family member): null for those who do not work with the family.",
      nullable: true,
      authScopes: { personalData: true },
      unauthorizedResolver: () => null,
    }),
    receiptsDueOn: t.expose("receiptsDueOn", {
      description: "When receipts for cash are due.",
      type: "Date",
      nullable: true,
    }),
    reviewDueOn: t.expose("reviewDueOn", {
      description: "When the outcome review is due.",
      type: "Date",
      nullable: true,
    }),
    createdAt: t.field({
      description: "When it was drafted.",
      type: "DateTime",
      resolve: (request) => request.createdAt,
    }),
    submittedAt: t.field({
      description: "When it was last submitted.",
      type: "DateTime",
      nullable: true,
      resolve: (request) => request.submittedAt,
    }),
    decidedAt: t.expose("decidedAt", {
      description: "When it was finally approved or rejected.",
      type: "DateTime",
      nullable: true,
    }),
    fulfilledAt: t.expose("fulfilledAt", {
      description: "When it was ordered or the cash issued.",
      type: "DateTime",
      nullable: true,
    }),
    reconciledAt: t.expose("reconciledAt", {
      description: "When the money side was closed.",
      type: "DateTime",
      nullable: true,
    }),
    closedAt: t.expose("closedAt", { description: "When the review closed it.", type: "DateTime", nullable: true }),
    viewerCan: t.field({
      type: PurchaseRequestPermissions,
      description: "What you may do with this request now, and why not.",
      select: viewerCanSelect,
      resolve: (request, _args, context) => resolveViewerCan(request, context),
    }),
  }),
});
