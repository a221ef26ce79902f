import { describe, expect, test } from "vitest";
import { errorFor, errorsOf, fieldId } from "./api-errors";

describe("the API's errors land beside the fields they concern", () => {
  test("validation issues by input path", () => {
    const errors = errorsOf({
      __typename: "ValidationError",
      message: "Check the request",
      issues: [{ path: "input.items.0.unitCost", message: "Amounts are whole pence" }],
    });
    expect(errors).toEqual([{ field: "items.0.unitCost", message: "Amounts are whole pence" }]);
    expect(errorFor(errors, "items.0.unitCost")).toBe("Amounts are whole pence");
    // A section heading that covers the item also knows it has a problem.
    expect(errorFor(errors, "items")).toBe("Amounts are whole pence");
    expect(errorFor(errors, "intendedOutcomes")).toBeUndefined();
  });

  test("every broken rule at once, a scheme's own fields included", () => {
    const errors = errorsOf({
      __typename: "RulesBrokenError",
      message: "The request breaks the scheme's rules",
      violations: [
        {
          field: "extensions.dorset.exceptionalReason",
          message: "Say in writing what makes the circumstances exceptional.",
        },
        { field: null, message: "Dorset's protocol allows up to £500.00 a case." },
      ],
    });
    expect(errorFor(errors, "extensions.dorset.exceptionalReason")).toMatch(/exceptional/);
    expect(errors[1]).toEqual({ field: null, message: "Dorset's protocol allows up to £500.00 a case." });
  });

  test("a domain error names its field, or none", () => {
    expect(errorsOf({ __typename: "DomainError", message: "Wrong email or password", field: null })).toEqual([
      { field: null, message: "Wrong email or password" },
    ]);
  });

  test("field ids are valid HTML ids the error summary can link to", () => {
    expect(fieldId("extensions.dorset.exceptionalReason")).toBe("field-extensions-dorset-exceptionalReason");
  });
});
