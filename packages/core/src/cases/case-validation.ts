import { z } from "zod";
import { isAfterToday } from "./calendar.ts";

// The rules every case input shares, each with the message a person sees beside the field.

/** Required free text: trimmed, not blank, not a novel. */
export const text = (blank: string, max = 2000) =>
  z
    .string()
    .trim()
    .min(1, blank)
    .max(max, `Keep this under ${max.toLocaleString("en-GB")} characters.`);

/** Optional free text: may be left out, but not given as only spaces. */
export const optionalText = (blank: string, max = 2000) => text(blank, max).nullish();

/** A day that must already have happened (today counts). */
export const pastDay = (future: string) => z.date().refine((day) => !isAfterToday(day), future);

export const PLAN_MAX = 20_000;

export const priorityNeedsSchema = z
  .array(text("A priority need cannot be blank.", 500))
  .min(1, "Record at least one priority need.")
  .max(10, "Record at most ten priority needs: the plan should focus on the most important.");

export const attendeesSchema = z
  .array(text("An attendee's name cannot be blank.", 200))
  .min(1, "Record at least one person who attended.");

export const estimatedCostSchema = z
  .number()
  .int("Give the estimated cost in whole pence.")
  .min(0, "An estimated cost cannot be negative.")
  .nullish();
