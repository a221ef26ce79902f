"use client";
import type { ReactNode } from "react";
import { fieldId } from "../lib/api-errors";

interface FieldProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}

function Group({ name, label, hint, error, children }: FieldProps & { children: ReactNode }) {
  const id = fieldId(name);
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      {children}
    </div>
  );
}

const describedBy = (name: string, hint?: ReactNode, error?: string) =>
  [hint ? `${fieldId(name)}-hint` : "", error ? `${fieldId(name)}-error` : ""].filter(Boolean).join(" ") || undefined;

export function TextInput(
  props: FieldProps & {
    value: string;
    onChange(value: string): void;
    type?: string;
    width?: string;
    autoComplete?: string;
    inputMode?: "decimal" | "numeric" | "email" | "text";
  },
) {
  const { name, hint, error, value, onChange, type = "text", width, autoComplete, inputMode } = props;
  return (
    <Group {...props}>
      <input
        id={fieldId(name)}
        name={name}
        type={type}
        className={`govuk-input${width ? ` govuk-input--width-${width}` : ""}${error ? " govuk-input--error" : ""}`}
        value={value}
        autoComplete={autoComplete}
        inputMode={inputMode}
        aria-describedby={describedBy(name, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      />
    </Group>
  );
}

export function MoneyInput(props: FieldProps & { value: string; onChange(value: string): void }) {
  const { name, hint, error, value, onChange } = props;
  return (
    <Group {...props}>
      <div className="govuk-input__wrapper">
        <div className="govuk-input__prefix" aria-hidden="true">
          £
        </div>
        <input
          id={fieldId(name)}
          name={name}
          className={`govuk-input govuk-input--width-5${error ? " govuk-input--error" : ""}`}
          inputMode="decimal"
          spellCheck={false}
          value={value}
          aria-describedby={describedBy(name, hint, error)}
          onChange={(event) => onChange(event.target.value)}
        />
      </div>
    </Group>
  );
}

export function Textarea(props: FieldProps & { value: string; onChange(value: string): void; rows?: number }) {
  const { name, hint, error, value, onChange, rows = 4 } = props;
  return (
    <Group {...props}>
      <textarea
        id={fieldId(name)}
        name={name}
        rows={rows}
        className={`govuk-textarea${error ? " govuk-textarea--error" : ""}`}
        value={value}
        aria-describedby={describedBy(name, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      />
    </Group>
  );
}

export function Select(
  props: FieldProps & { value: string; onChange(value: string): void; options: { value: string; label: string }[] },
) {
  const { name, hint, error, value, onChange, options } = props;
  return (
    <Group {...props}>
      <select
        id={fieldId(name)}
        name={name}
        className={`govuk-select${error ? " govuk-select--error" : ""}`}
        value={value}
        aria-describedby={describedBy(name, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Group>
  );
}

interface ChoiceProps extends FieldProps {
  options: { value: string; label: string; hint?: string }[];
  small?: boolean;
}

/** Radios or checkboxes in a fieldset, the legend standing for the label. */
function Choices({
  kind,
  name,
  label,
  hint,
  error,
  options,
  small,
  isChecked,
  onToggle,
}: ChoiceProps & { kind: "radios" | "checkboxes"; isChecked(value: string): boolean; onToggle(value: string): void }) {
  const id = fieldId(name);
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(name, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{label}</legend>
        {hint && (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        )}
        {error && (
          <p id={`${id}-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        )}
        <div className={`govuk-${kind}${small ? ` govuk-${kind}--small` : ""}`} id={id}>
          {options.map((option, index) => {
            const optionId = index === 0 ? `${id}-first` : `${id}-${index}`;
            return (
              <div className={`govuk-${kind}__item`} key={option.value}>
                <input
                  className={`govuk-${kind}__input`}
                  id={optionId}
                  name={name}
                  type={kind === "radios" ? "radio" : "checkbox"}
                  value={option.value}
                  checked={isChecked(option.value)}
                  onChange={() => onToggle(option.value)}
                  aria-describedby={option.hint ? `${optionId}-hint` : undefined}
                />
                <label className={`govuk-label govuk-${kind}__label`} htmlFor={optionId}>
                  {option.label}
                </label>
                {option.hint && (
                  <div id={`${optionId}-hint`} className={`govuk-hint govuk-${kind}__hint`}>
                    {option.hint}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function Radios(props: ChoiceProps & { value: string; onChange(value: string): void }) {
  return <Choices {...props} kind="radios" isChecked={(value) => value === props.value} onToggle={props.onChange} />;
}

export function Checkboxes(props: ChoiceProps & { values: readonly string[]; onChange(values: string[]): void }) {
  return (
    <Choices
      {...props}
      kind="checkboxes"
      isChecked={(value) => props.values.includes(value)}
      onToggle={(value) =>
        props.onChange(
          props.values.includes(value) ? props.values.filter((v) => v !== value) : [...props.values, value],
        )
      }
    />
  );
}

export function SingleCheckbox(props: FieldProps & { checked: boolean; onChange(checked: boolean): void }) {
  const { name, label, hint, error, checked, onChange } = props;
  const id = fieldId(name);
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      {error && (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      <div className="govuk-checkboxes govuk-checkboxes--small">
        <div className="govuk-checkboxes__item">
          <input
            className="govuk-checkboxes__input"
            id={id}
            name={name}
            type="checkbox"
            checked={checked}
            aria-describedby={describedBy(name, hint, error)}
            onChange={(event) => onChange(event.target.checked)}
          />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
          {hint && (
            <div id={`${id}-hint`} className="govuk-hint govuk-checkboxes__hint">
              {hint}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

/** "2015-03-27" from a date input's day, month and year; `null` while the parts make no real date. */
export function isoDate(day: string, month: string, year: string): string | null {
  const [d, m, y] = [day.trim(), month.trim(), year.trim()];
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return null;
  const iso = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/**
 * GOV.UK's date input: day, month and year as three short number fields in a fieldset. Used for
 * dates people know by heart (a date of birth), where a calendar picker only slows them down and
 * the browser's own date field orders the parts by its locale, not by the person's.
 */
export function DateInput({
  name,
  label,
  hint,
  error,
  value,
  onChange,
}: FieldProps & { value: DateParts; onChange(value: DateParts): void }) {
  const id = fieldId(name);
  const parts = [
    { key: "day", label: "Day", width: 2 },
    { key: "month", label: "Month", width: 2 },
    { key: "year", label: "Year", width: 4 },
  ] as const;
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(name, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{label}</legend>
        {hint && (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        )}
        {error && (
          <p id={`${id}-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        )}
        <div className="govuk-date-input">
          {parts.map((part, index) => {
            // The first part takes the field's own id, so the error summary's link lands on it.
            const partId = index === 0 ? id : `${id}-${part.key}`;
            return (
              <div className="govuk-date-input__item" key={part.key}>
                <div className="govuk-form-group">
                  <label className="govuk-label govuk-date-input__label" htmlFor={partId}>
                    {part.label}
                  </label>
                  <input
                    id={partId}
                    name={`${name}-${part.key}`}
                    className={`govuk-input govuk-date-input__input govuk-input--width-${part.width}${error ? " govuk-input--error" : ""}`}
                    type="text"
                    inputMode="numeric"
                    value={value[part.key]}
                    onChange={(event) => onChange({ ...value, [part.key]: event.target.value })}
                  />
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/**
 * GOV.UK's file upload: a plain file input with its label, hint and error. The chosen file
 * stays chosen after an error elsewhere on the form (the input is not reset), as typed text does.
 */
export function FileUpload(
  props: FieldProps & {
    /** A hint to the browser's file picker only: the API judges each file by its content. */
    accept?: string;
    onChange(file: File | null): void;
  },
) {
  const { name, hint, error, accept, onChange } = props;
  return (
    <Group {...props}>
      <input
        id={fieldId(name)}
        name={name}
        type="file"
        accept={accept}
        className={`govuk-file-upload${error ? " govuk-file-upload--error" : ""}`}
        aria-describedby={describedBy(name, hint, error)}
        onChange={(event) => onChange(event.target.files?.[0] ?? null)}
      />
    </Group>
  );
}
