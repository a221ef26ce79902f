/** One problem to show a person: beside `field` when the API names one, else in the summary only. */
export interface FieldError {
  field: string | null;
  message: string;
}

type ErrorResult =
  | { __typename: "DomainError"; message: string; field?: string | null }
  | { __typename: "ValidationError"; message: string; issues: { path: string; message: string }[] }
  | { __typename: "RulesBrokenError"; message: string; violations: { field?: string | null; message: string }[] }
  | { __typename: string; message?: string; field?: string | null };

/** The API's input paths ("input.items.0.unitCost") as the form's field names ("items.0.unitCost"). */
export function formField(path: string | null | undefined): string | null {
  if (!path) return null;
  return path.replace(/^input\./, "");
}

/** Every problem in a mutation's error result, each against the field it concerns. */
export function errorsOf(result: ErrorResult | null | undefined): FieldError[] {
  if (!result) return [];
  if ("issues" in result)
    return result.issues.map((issue) => ({ field: formField(issue.path), message: issue.message }));
  if ("violations" in result)
    return result.violations.map((violation) => ({ field: formField(violation.field), message: violation.message }));
  if (result.message) return [{ field: formField(result.field), message: result.message }];
  return [];
}

/** The first error for a field, or for any field under it ("items" covers "items.0.unitCost"). */
export function errorFor(errors: readonly FieldError[], field: string): string | undefined {
  return errors.find((error) => error.field === field || error.field?.startsWith(`${field}.`))?.message;
}

/** The id of a field's control, so the error summary can link to it. */
export function fieldId(field: string): string {
  return `field-${field.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

export function networkErrorMessage(error: { message: string } | undefined): FieldError[] {
  return error ? [{ field: null, message: "The service could not be reached. Try again in a moment." }] : [];
}
