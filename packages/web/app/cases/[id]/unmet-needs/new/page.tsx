"use client";
import { type FormEvent, useState } from "react";
import { CaseFormFrame } from "../../../../../components/cases/case-form-frame";
import { MoneyInput, Select, Textarea } from "../../../../../components/form-fields";
import { errorFor, type FieldError } from "../../../../../lib/api-errors";
import { graphql } from "../../../../../lib/generated";
import type { PurchaseCategory } from "../../../../../lib/generated/graphql";
import { parsePounds } from "../../../../../lib/money";
import { categoryWords } from "../../../../../lib/purchase-words";
import { useCaseChange } from "../../../../../lib/use-case-change";

const RecordUnmetNeedDocument = graphql(`
  mutation RecordUnmetNeed($input: RecordUnmetNeedInput!) {
    recordUnmetNeed(input: $input) {
      __typename
      ... on MutationRecordUnmetNeedSuccess { data { id category description estimatedCost recordedAt } }
      ... on DomainError { code field message }
      ... on ValidationError { message issues { path message } }
    }
  }
`);

/** A need the fund could not meet either: evidence for commissioning. */
export default function RecordUnmetNeedPage() {
  const { caseId, errors, setErrors, sending, send } = useCaseChange(RecordUnmetNeedDocument);
  const [category, setCategory] = useState<PurchaseCategory | "">("");
  const [description, setDescription] = useState("");
  const [estimatedCost, setEstimatedCost] = useState("");

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (!category) problems.push({ field: "category", message: "Choose the kind of help that was needed" });
    const pence = estimatedCost.trim() ? parsePounds(estimatedCost) : null;
    if (estimatedCost.trim() && pence === null)
      problems.push({ field: "estimatedCost", message: "Enter the estimated cost in pounds, like 250 or 250.00" });
    if (problems.length) return setErrors(problems);
    await send({ input: { caseId, category: category as PurchaseCategory, description, estimatedCost: pence } });
  }

  return (
    <CaseFormFrame caseId={caseId} title="Record an unmet need" errors={errors}>
      <p className="govuk-body">
        A need neither this fund nor any other service could meet. Commissioners count these to decide what to buy next.
      </p>
      <form onSubmit={submit} noValidate>
        <Select
          name="category"
          label="Kind of help needed"
          value={category}
          onChange={(value) => setCategory(value as PurchaseCategory)}
          options={[
            { value: "", label: "Choose one" },
            ...Object.entries(categoryWords).map(([value, label]) => ({ value, label })),
          ]}
          error={errorFor(errors, "category")}
        />
        <Textarea
          name="description"
          label="The need"
          hint="In your own words: what was needed, and why it could not be met."
          value={description}
          onChange={setDescription}
          error={errorFor(errors, "description")}
        />
        <MoneyInput
          name="estimatedCost"
          label="Estimated cost (optional)"
          hint="What meeting the need would cost, if you know."
          value={estimatedCost}
          onChange={setEstimatedCost}
          error={errorFor(errors, "estimatedCost")}
        />
        <button type="submit" className="govuk-button" disabled={sending}>
          Record the unmet need
        </button>
      </form>
    </CaseFormFrame>
  );
}
