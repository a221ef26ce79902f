import { AssessmentKind, CaseStatus } from "../generated/prisma/enums.ts";
import { builder } from "../graphql/builder.ts";

export const CaseStatusEnum = builder.enumType(CaseStatus, {
  name: "CaseStatus",
  description: "Whether the case is being worked on (OPEN) or has ended (CLOSED).",
});

export const AssessmentKindEnum = builder.enumType(AssessmentKind, {
  name: "AssessmentKind",
  description: "A Common Assessment Framework assessment (CAF), or another specialist assessment with an action plan.",
});
