import { z } from "zod";
import { recordAudit } from "../audit/audit-log.ts";
import { builder } from "../graphql/builder.ts";
import { DomainError } from "../graphql/domain-errors.ts";
import { standardErrors } from "../graphql/error-types.ts";
import { findAccessible } from "../graphql/find-accessible.ts";
import { idOfType } from "../graphql/global-id.ts";
import { requireViewer } from "../graphql/require-viewer.ts";
import { calendarDay } from "./calendar.ts";
import { loadCase, requireCanRecord, requireOpen } from "./case-access.ts";
import { AssessmentKindEnum } from "./case-enums.graphql.ts";
import { AssessmentRef } from "./case-records.graphql.ts";
import { pastDay, priorityNeedsSchema } from "./case-validation.ts";

const RecordAssessmentInput = builder.inputType("RecordAssessmentInput", {
  description: "A completed assessment to record on a case.",
  fields: (t) => ({
    caseId: t.globalID({ description: "The case it is for." }),
    kind: t.field({ description: "CAF or specialist.", type: AssessmentKindEnum }),
    completedOn: t.field({ description: "The day it was completed; not in the future.", type: "Date" }),
    priorityNeeds: t.stringList({ description: "One to ten, most important first." }),
    documentId: t.globalID({
      required: false,
      description: "The uploaded assessment form (an Attachment of kind ASSESSMENT).",
    }),
  }),
  // On the type, not the fields, so every problem is reported at once (see open-case-input.graphql.ts).
  validate: z.looseObject({
    completedOn: pastDay("An assessment cannot be completed in the future."),
    priorityNeeds: priorityNeedsSchema,
  }),
});

builder.mutationField("recordAssessment", (t) =>
  t.prismaField({
    type: AssessmentRef,
    description: "Records a CAF or specialist assessment on an open case you lead. Purchases need one.",
    errors: { types: [...standardErrors], dataField: { description: "The recorded assessment." } },
    args: { input: t.arg({ description: "The assessment.", type: RecordAssessmentInput }) },
    resolve: async (query, _root, { input }, context) => {
      const viewer = requireViewer(context);
      return context.db.$transaction(async (tx) => {
        const theCase = await loadCase(tx, context, input.caseId, "read", "input.caseId");
        requireCanRecord(context, "Assessment", theCase, "input.caseId");
        requireOpen(theCase, "input.caseId");
        let documentId: string | null = null;
        if (input.documentId) {
          documentId = idOfType(input.documentId, "Attachment", "input.documentId");
          const document = await findAccessible(
            tx,
            context.ability,
            "attachment",
            documentId,
            "read",
            "The document",
            "input.documentId",
          );
          if (document.kind !== "ASSESSMENT")
            throw new DomainError(
              "WRONG_DOCUMENT_KIND",
              "That file was not uploaded as an assessment form.",
              "input.documentId",
            );
        }
        const assessment = await tx.assessment.create({
          data: {
            authorityId: theCase.authorityId,
            caseId: theCase.id,
            kind: input.kind,
            completedOn: input.completedOn,
            // Trimmed by validation too; trimmed here as well so the stored form never depends on it.
            priorityNeeds: input.priorityNeeds.map((need) => need.trim()),
            documentId,
            recordedById: viewer.id,
          },
        });
        const needs =
          assessment.priorityNeeds.length === 1
            ? "one priority need"
            : `${assessment.priorityNeeds.length} priority needs`;
        await recordAudit(tx, viewer, {
          action: "assessment.record",
          entityType: "Assessment",
          entityId: assessment.id,
          caseId: theCase.id,
          summary: `Recorded a ${input.kind === "CAF" ? "CAF" : "specialist"} assessment completed on ${calendarDay(assessment.completedOn)} with ${needs}`,
        });
        return tx.assessment.findUniqueOrThrow({ ...query, where: { id: assessment.id } });
      });
    },
  }),
);
