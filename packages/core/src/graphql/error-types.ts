import { InputValidationError } from "@pothos/plugin-validation";
import { builder } from "./builder.ts";
import { DomainError } from "./domain-errors.ts";

export const ErrorInterface = builder.interfaceRef<{ message: string }>("Error").implement({
  description: "Something a person can act on went wrong. `code` is stable; `message` is for people.",
  fields: (t) => ({
    code: t.string({
      description: 'A stable machine-readable code, e.g. "NOT_FOUND" or "INVALID_INPUT"; branch on this.',
      resolve: (error) => ("code" in error ? String(error.code) : "INVALID_INPUT"),
    }),
    message: t.exposeString("message", { description: "What went wrong, in plain English, for showing to people." }),
  }),
});

builder.objectType(DomainError, {
  description:
    "A problem with the request that a person can put right, with a stable `code` and the input `field` it concerns.",
  name: "DomainError",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    field: t.exposeString("field", { nullable: true, description: "The input field this error concerns, if any." }),
  }),
});

const FieldIssue = builder.objectRef<{ path: string; message: string }>("FieldIssue").implement({
  description: "One problem with one input field.",
  fields: (t) => ({
    path: t.exposeString("path", { description: "The input field, as a dotted path such as `input.items.0.amount`." }),
    message: t.exposeString("message", { description: "What is wrong with the field, for people." }),
  }),
});

builder.objectType(InputValidationError, {
  name: "ValidationError",
  description: "The input broke one or more rules. Every problem is listed, each against its field.",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    issues: t.field({
      description: "Every problem with the input, each against its field.",
      type: [FieldIssue],
      resolve: (error) =>
        error.issues.map((issue) => ({
          path: (issue.path ?? [])
            .map((segment) => (typeof segment === "object" ? String(segment.key) : String(segment)))
            .join("."),
          message: issue.message,
        })),
    }),
  }),
});

/** The error types every mutation may return. */
export const standardErrors = [DomainError, InputValidationError] as const;
