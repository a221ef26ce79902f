import { AssessmentKind, CaseStatus } from "../generated/prisma/enums.ts";
import { builder } from "../graphql/builder.ts";

export const CaseStatusEnum = builder.enumType(CaseStatus, {
  name: "CaseStatus",
  values: {
    OPEN: { description: "Being worked on: requests can be raised." },
    CLOSED: { description: "Ended, with a reason; read-only." },
  },
  description: "Whether the case is being worked on (OPEN) or has ended (CLOSED).",
});

export const AssessmentKindEnum = builder.enumType(AssessmentKind, {
  name: "AssessmentKind",
  values: {
    CAF: { description: "A Common Assessment Framework (or early help) assessment." },
    SPECIALIST: { description: "Another professional's specialist assessment with an action plan." },
  },
  description: "A Common Assessment Framework assessment (CAF), or another specialist assessment with an action plan.",
});
