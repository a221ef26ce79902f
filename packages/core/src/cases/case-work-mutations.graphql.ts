import { z } from "zod";
import { recordAudit } from "../audit/audit-log.ts";
import { formatPence, type Pence } from "../domain/money.ts";
import { builder } from "../graphql/builder.ts";
import { standardErrors } from "../graphql/error-types.ts";
import { requireViewer } from "../graphql/require-viewer.ts";
import { calendarDay } from "./calendar.ts";
import { CaseRef } from "./case.graphql.ts";
import { loadCase, requireCanRecord, requireOpen } from "./case-access.ts";
import { TeamMeetingRef, UnmetNeedRef } from "./case-records.graphql.ts";
import { attendeesSchema, estimatedCostSchema, PLAN_MAX, pastDay, text } from "./case-validation.ts";
import { PurchaseCategoryEnum } from "./purchase-category.graphql.ts";

// The day-to-day work on an open case, by its lead professional: the plan, Team Around the
// Child meetings, and needs the fund could not meet.

builder.mutationField("updateCasePlan", (t) =>
  t.prismaField({
    type: CaseRef,
    description: "Replaces the multi-agency plan of an open case you lead.",
    errors: { types: [...standardErrors], dataField: { description: "The case with its new plan." } },
    args: {
      caseId: t.arg.globalID({ description: "The case." }),
      plan: t.arg.string({
        description: "The whole new plan; it replaces the old one.",
        validate: text("Write the plan, or keep the one there.", PLAN_MAX),
      }),
    },
    resolve: async (query, _root, args, context) => {
      const viewer = requireViewer(context);
      return context.db.$transaction(async (tx) => {
        const theCase = await loadCase(tx, context, args.caseId, "update", "caseId");
        requireOpen(theCase, "caseId");
        await tx.case.update({ where: { id: theCase.id }, data: { plan: args.plan.trim() } });
        await recordAudit(tx, viewer, {
          action: "case.plan.update",
          entityType: "Case",
          entityId: theCase.id,
          caseId: theCase.id,
          summary: `Updated the plan of case ${theCase.reference}`,
          before: { plan: theCase.plan },
        });
        return tx.case.findUniqueOrThrow({ ...query, where: { id: theCase.id } });
      });
    },
  }),
);

const RecordTeamMeetingInput = builder.inputType("RecordTeamMeetingInput", {
  description: "A Team Around the Child meeting to record on a case.",
  fields: (t) => ({
    caseId: t.globalID({ description: "The case it was about." }),
    heldOn: t.field({ description: "The day it was held; not in the future.", type: "Date" }),
    attendees: t.stringList({ description: "Who came: names and, ideally, their service." }),
    notes: t.string({ required: false, description: "What was agreed." }),
  }),
  // On the type, not the fields, so every problem is reported at once (see open-case-input.graphql.ts).
  validate: z.looseObject({
    heldOn: pastDay("Record a meeting once it has been held, not before."),
    attendees: attendeesSchema,
    notes: z.string().max(20_000, "Keep the notes under 20,000 characters.").nullish(),
  }),
});

builder.mutationField("recordTeamMeeting", (t) =>
  t.prismaField({
    type: TeamMeetingRef,
    description: "Records a Team Around the Child meeting on an open case you lead.",
    errors: { types: [...standardErrors], dataField: { description: "The recorded meeting." } },
    args: { input: t.arg({ description: "The meeting.", type: RecordTeamMeetingInput }) },
    resolve: async (query, _root, { input }, context) => {
      const viewer = requireViewer(context);
      return context.db.$transaction(async (tx) => {
        const theCase = await loadCase(tx, context, input.caseId, "read", "input.caseId");
        requireCanRecord(context, "TeamMeeting", theCase, "input.caseId");
        requireOpen(theCase, "input.caseId");
        const meeting = await tx.teamMeeting.create({
          data: {
            authorityId: theCase.authorityId,
            caseId: theCase.id,
            heldOn: input.heldOn,
            attendees: input.attendees.map((name) => name.trim()),
            notes: input.notes?.trim() ?? "",
          },
        });
        const people = meeting.attendees.length === 1 ? "one attendee" : `${meeting.attendees.length} attendees`;
        await recordAudit(tx, viewer, {
          action: "meeting.record",
          entityType: "TeamMeeting",
          entityId: meeting.id,
          caseId: theCase.id,
          summary: `Recorded a Team Around the Child meeting held on ${calendarDay(meeting.heldOn)} with ${people}`,
        });
        return tx.teamMeeting.findUniqueOrThrow({ ...query, where: { id: meeting.id } });
      });
    },
  }),
);

const RecordUnmetNeedInput = builder.inputType("RecordUnmetNeedInput", {
  description: "A need the fund could not meet, to record on a case.",
  fields: (t) => ({
    caseId: t.globalID({ description: "The case it arose on." }),
    category: t.field({ description: "What kind of help was needed.", type: PurchaseCategoryEnum }),
    description: t.string({ description: "The need, in your words." }),
    estimatedCost: t.field({
      type: "Pence",
      required: false,
      description: "What meeting the need would cost, in pence, if known.",
    }),
  }),
  validate: z.looseObject({
    description: text("Describe the need that could not be met."),
    estimatedCost: estimatedCostSchema,
  }),
});

builder.mutationField("recordUnmetNeed", (t) =>
  t.prismaField({
    type: UnmetNeedRef,
    description: "Records a need the fund could not meet either, as evidence for commissioning.",
    errors: { types: [...standardErrors], dataField: { description: "The recorded need." } },
    args: { input: t.arg({ description: "The need.", type: RecordUnmetNeedInput }) },
    resolve: async (query, _root, { input }, context) => {
      const viewer = requireViewer(context);
      return context.db.$transaction(async (tx) => {
        const theCase = await loadCase(tx, context, input.caseId, "read", "input.caseId");
        requireCanRecord(context, "UnmetNeed", theCase, "input.caseId");
        requireOpen(theCase, "input.caseId");
        const need = await tx.unmetNeed.create({
          data: {
            authorityId: theCase.authorityId,
            caseId: theCase.id,
            category: input.category,
            description: input.description.trim(),
            estimatedCost: input.estimatedCost ?? null,
            recordedById: viewer.id,
          },
        });
        const cost = need.estimatedCost === null ? "" : ` (about ${formatPence(need.estimatedCost as Pence)})`;
        await recordAudit(tx, viewer, {
          action: "unmet-need.record",
          entityType: "UnmetNeed",
          entityId: need.id,
          caseId: theCase.id,
          summary: `Recorded an unmet need for ${input.category.toLowerCase().replaceAll("_", " ")}${cost}`,
        });
        return tx.unmetNeed.findUniqueOrThrow({ ...query, where: { id: need.id } });
      });
    },
  }),
);
