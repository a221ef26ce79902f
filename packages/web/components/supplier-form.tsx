"use client";
import { type FormEvent, useState } from "react";
import { errorFor, type FieldError } from "../lib/api-errors";
import { ErrorSummary } from "./error-summary";
import { Checkboxes, TextInput } from "./form-fields";

export interface SupplierDraft {
  name: string;
  onSupplierList: boolean;
  preferred: boolean;
  invoicesCouncil: boolean;
}

export const emptySupplier: SupplierDraft = {
  name: "",
  onSupplierList: false,
  preferred: false,
  invoicesCouncil: false,
};

const flags = [
  { value: "onSupplierList", label: "On the council's approved supplier list" },
  { value: "preferred", label: "A preferred provider", hint: "Best value and known quality: shown first to staff." },
  { value: "invoicesCouncil", label: "Can invoice the council", hint: "So finance can order from them directly." },
] as const;

type Flag = (typeof flags)[number]["value"];

/** A supplier's name and what finance knows of it; errors from the API appear beside the field. */
export function SupplierForm({
  initial,
  submitLabel,
  busy,
  errors,
  onSubmit,
}: {
  initial: SupplierDraft;
  submitLabel: string;
  busy: boolean;
  errors: FieldError[];
  onSubmit(draft: SupplierDraft): Promise<boolean>;
}) {
  const [draft, setDraft] = useState(initial);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // A new supplier's form empties once it is added, ready for the next.
    if ((await onSubmit(draft)) && initial === emptySupplier) setDraft(emptySupplier);
  };
  return (
    <form onSubmit={submit} noValidate aria-label={submitLabel}>
      <ErrorSummary errors={errors} />
      <TextInput
        name="name"
        label="Supplier's name"
        value={draft.name}
        onChange={(name) => setDraft({ ...draft, name })}
        error={errorFor(errors, "name")}
      />
      <Checkboxes
        name="flags"
        label="What finance knows of them"
        small
        options={flags.map((flag) => ({ ...flag }))}
        values={flags.filter((flag) => draft[flag.value]).map((flag) => flag.value)}
        onChange={(values) =>
          setDraft({
            ...draft,
            ...Object.fromEntries(flags.map((flag) => [flag.value, values.includes(flag.value as Flag)])),
          })
        }
      />
      <button type="submit" className="govuk-button" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
