import { encodeGlobalID } from "@pothos/plugin-relay";
import { AttachmentNode } from "../attachments/attachment.graphql.ts";
import { builder } from "../graphql/builder.ts";
import { accessibleBy } from "../permissions/casl-prisma.ts";
import { AssessmentKindEnum } from "./case-enums.graphql.ts";
import { PurchaseCategoryEnum } from "./purchase-category.graphql.ts";

// What a case holds. Who may read these depends on their case (`case: { is: … }`), which a
// loaded row does not carry, so each is filtered in SQL wherever it is loaded, not in memory.

export const AssessmentRef = builder.prismaNode("Assessment", {
  select: { id: true, authorityId: true },
  id: { field: "id" },
  nullable: true,
  description: "A CAF or specialist assessment: a case needs one before it can ask for money.",
  findUnique: (id, context) => ({ id, AND: [accessibleBy(context.ability).ofType("Assessment")] }),
  fields: (t) => ({
    kind: t.expose("kind", { description: "CAF or specialist.", type: AssessmentKindEnum }),
    completedOn: t.expose("completedOn", { description: "The day the assessment was completed.", type: "Date" }),
    priorityNeeds: t.exposeStringList("priorityNeeds", { description: "The needs it found, most important first." }),
    documentId: t.field({
      type: "ID",
      nullable: true,
      description: "The global ID of the attached assessment form (an Attachment), if one was attached.",
      // An id rather than the Attachment itself: who may download it is the Attachment's own rule.
      select: { documentId: true },
      resolve: (assessment) => (assessment.documentId ? encodeGlobalID("Attachment", assessment.documentId) : null),
    }),
    document: t.prismaField({
      type: AttachmentNode,
      nullable: true,
      description: "The attached assessment form; null if none was attached or you may not see it.",
      select: { documentId: true },
      resolve: (query, assessment, _args, context) =>
        assessment.documentId
          ? context.db.attachment.findFirst({
              ...query,
              where: { AND: [accessibleBy(context.ability).ofType("Attachment"), { id: assessment.documentId }] },
            })
          : null,
    }),
    recordedAt: t.expose("createdAt", { description: "When it was recorded in Pathfinder.", type: "DateTime" }),
  }),
});

export const TeamMeetingRef = builder.prismaNode("TeamMeeting", {
  id: { field: "id" },
  nullable: true,
  description: "A Team Around the Child meeting: who came and what was agreed.",
  findUnique: (id, context) => ({ id, AND: [accessibleBy(context.ability).ofType("TeamMeeting")] }),
  fields: (t) => ({
    heldOn: t.expose("heldOn", { description: "The day the meeting was held.", type: "Date" }),
    attendees: t.exposeStringList("attendees", { description: "Who came: names and their services." }),
    notes: t.exposeString("notes", { description: "What was agreed." }),
  }),
});

export const UnmetNeedRef = builder.prismaNode("UnmetNeed", {
  id: { field: "id" },
  nullable: true,
  description: "A need the fund could not meet either, recorded as evidence for commissioning.",
  findUnique: (id, context) => ({ id, AND: [accessibleBy(context.ability).ofType("UnmetNeed")] }),
  fields: (t) => ({
    category: t.expose("category", { description: "What kind of help was needed.", type: PurchaseCategoryEnum }),
    description: t.exposeString("description", { description: "The need, in the lead professional's words." }),
    estimatedCost: t.field({
      type: "Pence",
      nullable: true,
      description: "What meeting it would cost, in pence, if anyone estimated it.",
      resolve: (need) => need.estimatedCost,
    }),
    recordedAt: t.expose("createdAt", { description: "When it was recorded.", type: "DateTime" }),
  }),
});
