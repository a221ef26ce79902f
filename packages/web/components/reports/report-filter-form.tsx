"use client";
import { useState } from "react";
import type { PurchaseCategory, PurchaseRoute } from "../../lib/generated/graphql";
import { categoryWords, routeWords } from "../../lib/purchase-words";
import { NO_FILTER, type ReportFilterChoice } from "../../lib/report-links";
import { Select, TextInput } from "../form-fields";

/** Period, area, category and route: what every report and every CSV download on the page is narrowed to. */
export function ReportFilterForm({
  areas,
  applied,
  onApply,
}: {
  areas: readonly { id: string; name: string }[];
  applied: ReportFilterChoice;
  onApply(choice: ReportFilterChoice): void;
}) {
  const [choice, setChoice] = useState(applied);
  const set = (patch: Partial<ReportFilterChoice>) => setChoice((current) => ({ ...current, ...patch }));
  return (
    <form
      className="app-report-filter"
      aria-label="Filter the reports"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(choice);
      }}
    >
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-quarter">
          <TextInput name="from" label="From" type="date" value={choice.from} onChange={(from) => set({ from })} />
        </div>
        <div className="govuk-grid-column-one-quarter">
          <TextInput name="to" label="To" type="date" value={choice.to} onChange={(to) => set({ to })} />
        </div>
        <div className="govuk-grid-column-one-half">
          <Select
            name="area"
            label="Area"
            value={choice.areaId}
            onChange={(areaId) => set({ areaId })}
            options={[
              { value: "", label: "Every area you may see" },
              ...areas.map((a) => ({ value: a.id, label: a.name })),
            ]}
          />
        </div>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <Select
            name="category"
            label="Kind of help"
            value={choice.category}
            onChange={(category) => set({ category: category as PurchaseCategory | "" })}
            options={[
              { value: "", label: "Any" },
              ...Object.entries(categoryWords).map(([value, label]) => ({ value, label })),
            ]}
          />
        </div>
        <div className="govuk-grid-column-one-half">
          <Select
            name="route"
            label="Route"
            value={choice.route}
            onChange={(route) => set({ route: route as PurchaseRoute | "" })}
            options={[
              { value: "", label: "Any" },
              { value: "SUPPLIER_ORDER", label: "Supplier order" },
              { value: "CASH", label: routeWords.CASH },
            ]}
          />
        </div>
      </div>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button">
          Apply filters
        </button>
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => {
            setChoice(NO_FILTER);
            onApply(NO_FILTER);
          }}
        >
          Clear filters
        </button>
      </div>
    </form>
  );
}
