import { z } from "zod";
import { recordAudit } from "../audit/audit-log.ts";
import { builder } from "../graphql/builder.ts";
import { DomainError, NotAuthorisedError } from "../graphql/domain-errors.ts";
import { standardErrors } from "../graphql/error-types.ts";
import { findAccessible } from "../graphql/find-accessible.ts";
import { idOfType } from "../graphql/global-id.ts";
import { inTransaction } from "../graphql/in-transaction.ts";
import { requireViewer } from "../graphql/require-viewer.ts";
import { idempotencyKeyArg, once } from "../idempotency/idempotency-key.ts";
import { accessibleBy } from "../permissions/casl-prisma.ts";
import { refuseCoverWhereSchemesForbid } from "./cover-policy.ts";
import { decidePurchase } from "./decide-purchase.ts";
import { DecisionChoiceEnum } from "./purchase-enums.graphql.ts";

builder.mutationField("decidePurchaseRequest", (t) =>
  t.prismaField({
    type: "PurchaseRequest",
    description:
      "Approves, rejects or returns for changes the request's current step. The final approval commits the money in the " +
      "same transaction that checks the budget; if the budget cannot cover it, the request stays undecided.",
    errors: { types: [...standardErrors], dataField: { description: "The request after the decision." } },
    args: {
      id: t.arg.globalID({ description: "The request to decide." }),
      decision: t.arg({ description: "Approve, reject or return for changes.", type: DecisionChoiceEnum }),
      note: t.arg.string({
        description: "Your reasons or conditions; shown to the requester.",
        required: false,
        validate: z.string().trim().max(4000, "Keep the note under 4,000 characters").nullish(),
      }),
      idempotencyKey: idempotencyKeyArg(t.arg),
    },
    resolve: async (query, _root, args, context) => {
      const viewer = requireViewer(context);
      const id = idOfType(args.id, "PurchaseRequest", "id");
      const note = args.note?.trim() ?? "";
      if (args.decision !== "APPROVED" && !note)
        throw new DomainError("NOTE_NEEDED", "Say why, so the lead professional knows what to do next.", "note");
      return inTransaction(context, async (tx) => {
        await once(tx, viewer, { operation: "decidePurchaseRequest", args }, async () => {
          // The permission check is in the query that loads the request under its lock.
          const accessible = accessibleBy(context.ability, "decide").ofType("PurchaseRequest");
          await decidePurchase(tx, viewer, context.schemes, id, args.decision, note, {
            accessible,
            what: "The request",
            field: "id",
          });
          return id;
        });
        return tx.purchaseRequest.findUniqueOrThrow({ ...query, where: { id } });
      });
    },
  }),
);

const CoverInput = builder.inputType("CoverInput", {
  description: "Cover for your decisions: who, from when to when, and why.",
  fields: (t) => ({
    delegateId: t.globalID({ description: "The colleague who will decide in your place." }),
    startsOn: t.field({ description: "The first day of cover.", type: "Date" }),
    endsOn: t.field({ description: "The last day of cover; on or after the first.", type: "Date" }),
    reason: t.string({
      description: "Why (leave, sickness…).",
      validate: z.string().trim().min(1, "Say why (leave, sickness…)"),
    }),
  }),
  validate: z.looseObject({ startsOn: z.date(), endsOn: z.date() }).refine((input) => input.endsOn >= input.startsOn, {
    message: "Cover must end on or after the day it starts",
    path: ["endsOn"],
  }),
});

builder.prismaObject("Delegation", {
  name: "Cover",
  description: "A dated hand-over of an approver's decisions to a named colleague.",
  fields: (t) => ({
    delegator: t.relation("delegator", { description: "The approver whose decisions are covered." }),
    delegate: t.relation("delegate", { description: "The colleague who decides in their place." }),
    startsOn: t.expose("startsOn", { description: "The first day of cover.", type: "Date" }),
    endsOn: t.expose("endsOn", { description: "The last day of cover.", type: "Date" }),
    reason: t.exposeString("reason", { description: "Why." }),
  }),
});

builder.mutationField("arrangeCover", (t) =>
  t.prismaField({
    type: "Delegation",
    description: "Hands your decisions to a colleague for a dated period. Their decisions record both names.",
    errors: { types: [...standardErrors], dataField: { description: "The cover arranged." } },
    args: { input: t.arg({ description: "The cover.", type: CoverInput }) },
    resolve: async (query, _root, { input }, context) => {
      const viewer = requireViewer(context);
      if (!context.ability.can("create", "Delegation"))
        throw new NotAuthorisedError("Only approvers can arrange cover for their decisions.");
      await refuseCoverWhereSchemesForbid(context);
      const delegateId = idOfType(input.delegateId, "StaffUser", "input.delegateId");
      if (delegateId === viewer.id)
        throw new DomainError("COVER_FOR_SELF", "Choose a colleague other than yourself.", "input.delegateId");
      return inTransaction(context, async (tx) => {
        const delegate = await findAccessible(
          tx,
          context.ability,
          "staffUser",
          delegateId,
          "read",
          "The colleague",
          "input.delegateId",
        );
        const cover = await tx.delegation.create({
          data: {
            authorityId: viewer.authorityId,
            delegatorId: viewer.id,
            delegateId,
            startsOn: input.startsOn,
            endsOn: input.endsOn,
            reason: input.reason,
          },
        });
        await recordAudit(tx, viewer, {
          action: "cover.arrange",
          entityType: "Delegation",
          entityId: cover.id,
          summary: `${delegate.name} covers ${viewer.name}'s decisions from ${input.startsOn.toISOString().slice(0, 10)} to ${input.endsOn.toISOString().slice(0, 10)}`,
        });
        return tx.delegation.findUniqueOrThrow({ ...query, where: { id: cover.id } });
      });
    },
  }),
);
