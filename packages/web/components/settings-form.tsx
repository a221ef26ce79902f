"use client";
import { type FormEvent, useState } from "react";
import { errorFor, type FieldError } from "../lib/api-errors";
import { ErrorSummary } from "./error-summary";
import { Select, SingleCheckbox, Textarea, TextInput } from "./form-fields";

/** The part of JSON Schema the schemes' settings use (zod's `toJSONSchema`). */
export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  default?: unknown;
}

type Control = "integer" | "number" | "boolean" | "text" | "enum" | "lines" | "json";

/** The control a property gets; anything the simple controls cannot hold is edited as JSON. */
function controlFor(schema: JsonSchema): { control: Control; nullable: boolean; options?: unknown[] } {
  const variants = schema.anyOf ?? [schema];
  const nullable = variants.some((variant) => variant.type === "null");
  const [main] = variants.filter((variant) => variant.type !== "null");
  if (!main || variants.length - (nullable ? 1 : 0) > 1) return { control: "json", nullable };
  if (main.enum) return { control: "enum", nullable, options: main.enum };
  if (main.type === "integer") return { control: "integer", nullable };
  if (main.type === "number") return { control: "number", nullable };
  if (main.type === "boolean") return { control: "boolean", nullable };
  if (main.type === "string") return { control: "text", nullable };
  if (main.type === "array" && main.items?.type === "string") return { control: "lines", nullable };
  return { control: "json", nullable };
}

/** "selfSignOffLimit" → "Self sign off limit". */
function words(name: string): string {
  const spaced = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function hintFor(schema: JsonSchema, control: Control): string | undefined {
  const variant = schema.anyOf?.find((candidate) => candidate.type !== "null") ?? schema;
  const parts = [schema.description ?? variant.description];
  if (control === "integer" || control === "number") {
    const max =
      variant.maximum !== undefined && variant.maximum < Number.MAX_SAFE_INTEGER ? variant.maximum : undefined;
    if (variant.minimum !== undefined && max !== undefined) parts.push(`From ${variant.minimum} to ${max}.`);
    else if (variant.minimum !== undefined) parts.push(`At least ${variant.minimum}.`);
  }
  if (control === "lines") parts.push("One a line.");
  if (control === "json") parts.push("Written as JSON.");
  return parts.filter(Boolean).join(" ") || undefined;
}

type Draft = Record<string, string | boolean>;

function draftFrom(properties: Record<string, JsonSchema>, settings: Record<string, unknown>): Draft {
  const draft: Draft = {};
  for (const [name, schema] of Object.entries(properties)) {
    const value = settings[name];
    const { control } = controlFor(schema);
    if (control === "boolean") draft[name] = value === true;
    else if (control === "lines") draft[name] = Array.isArray(value) ? value.join("\n") : "";
    else if (control === "json") draft[name] = value === undefined ? "" : JSON.stringify(value, null, 2);
    else draft[name] = value === null || value === undefined ? "" : String(value);
  }
  return draft;
}

/** The settings as JSON, or the fields whose text cannot be read. */
function settingsFrom(
  properties: Record<string, JsonSchema>,
  draft: Draft,
): { settings: Record<string, unknown>; problems: FieldError[] } {
  const settings: Record<string, unknown> = {};
  const problems: FieldError[] = [];
  for (const [name, schema] of Object.entries(properties)) {
    const { control, nullable } = controlFor(schema);
    const value = draft[name];
    if (control === "boolean") {
      settings[name] = value === true;
      continue;
    }
    const text = String(value ?? "").trim();
    if (!text) {
      if (nullable) settings[name] = null;
      continue;
    }
    if (control === "integer" || control === "number") {
      const number = Number(text);
      if (!Number.isFinite(number) || (control === "integer" && !Number.isInteger(number)))
        problems.push({
          field: `settings.${name}`,
          message: `${words(name)} must be a ${control === "integer" ? "whole " : ""}number`,
        });
      else settings[name] = number;
    } else if (control === "lines")
      settings[name] = text
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean);
    else if (control === "json") {
      try {
        settings[name] = JSON.parse(text);
      } catch {
        problems.push({ field: `settings.${name}`, message: `${words(name)} is not valid JSON` });
      }
    } else settings[name] = text;
  }
  return { settings, problems };
}

/**
 * A scheme's settings form, generated from the JSON Schema its plugin declares. Errors the API
 * returns (`settings.caseLimit`) appear beside the field; what was typed stays.
 */
export function SettingsForm({
  schemeId,
  schema,
  settings,
  submitLabel,
  busy,
  errors,
  onSubmit,
}: {
  schemeId: string;
  schema: JsonSchema;
  settings: Record<string, unknown>;
  submitLabel: string;
  busy: boolean;
  errors: FieldError[];
  onSubmit(settings: Record<string, unknown>, problems: FieldError[]): void;
}) {
  const properties = schema.properties ?? {};
  const [draft, setDraft] = useState(() => draftFrom(properties, settings));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { settings: parsed, problems } = settingsFrom(properties, draft);
    onSubmit(parsed, problems);
  };
  return (
    <form onSubmit={submit} noValidate aria-label={`${schemeId} settings`}>
      <ErrorSummary errors={errors} />
      {Object.entries(properties).map(([name, property]) => {
        const { control, options } = controlFor(property);
        const field = `settings.${name}`;
        const common = {
          name: `${schemeId}.${field}`,
          label: property.title ?? words(name),
          hint: hintFor(property, control),
          error: errorFor(errors, field),
        };
        const set = (value: string | boolean) => setDraft({ ...draft, [name]: value });
        if (control === "boolean")
          return <SingleCheckbox key={name} {...common} checked={draft[name] === true} onChange={set} />;
        if (control === "enum")
          return (
            <Select
              key={name}
              {...common}
              value={String(draft[name] ?? "")}
              onChange={set}
              options={(options ?? []).map((option) => ({ value: String(option), label: String(option) }))}
            />
          );
        if (control === "lines" || control === "json")
          return (
            <Textarea
              key={name}
              {...common}
              rows={control === "json" ? 6 : 4}
              value={String(draft[name] ?? "")}
              onChange={set}
            />
          );
        return (
          <TextInput
            key={name}
            {...common}
            width={control === "text" ? undefined : "10"}
            inputMode={control === "text" ? undefined : "numeric"}
            value={String(draft[name] ?? "")}
            onChange={set}
          />
        );
      })}
      <button type="submit" className="govuk-button" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
