// What each notification says. Core's wording is plain; a scheme's plugin may replace any
// part of it (plugin-contract.ts, `notifications`) with its own words, by event.

/** The events people are told of by e-mail. */
export type NotificationEvent = "approval-awaited" | "decision-made" | "review-due";

export const NOTIFICATION_EVENTS: readonly NotificationEvent[] = ["approval-awaited", "decision-made", "review-due"];

/**
 * The facts a message may use, as `{placeholders}`: references, figures and initials only.
 * A child's name is never among them, nor any free text a person wrote (a decision's note
 * could name the child): the message says where to read it instead.
 */
export interface NotificationFacts {
  /** The request's reference, e.g. "KV-2026-0007". */
  reference: string;
  /** The case's reference. */
  caseReference: string;
  /** The children's initials, e.g. "Z. Q.". */
  initials: string;
  /** The amount, formatted: "£120.00". */
  amount: string;
  /** The scheme's name for the step awaiting a decision, e.g. "Pathway co-ordinator". */
  step: string;
  /** "approved", "rejected" or "returned for changes". */
  outcome: string;
  /** The date the outcome review fell due, e.g. "23 November 2026". */
  reviewDueOn: string;
  /** A link to the request in the portal. */
  link: string;
  /** The request's row id: kept for the link, not meant for wording. */
  requestId: string;
}

/** One event's words: a subject line and the body's opening paragraph, with `{placeholders}`. */
export interface EventWording {
  subject: string;
  body: string;
}

export const coreWording: Record<NotificationEvent, EventWording> = {
  "approval-awaited": {
    subject: "Request {reference} is waiting for your decision",
    body: "Purchase request {reference} for {amount} (case {caseReference}, child {initials}) is waiting for a decision by the {step}.",
  },
  "decision-made": {
    subject: "Request {reference} has been {outcome}",
    body: "Purchase request {reference} for {amount} (case {caseReference}, child {initials}) has been {outcome}.",
  },
  "review-due": {
    subject: "The outcome review of {reference} is due",
    body: "The outcome review of purchase request {reference} for {amount} (case {caseReference}, child {initials}) fell due on {reviewDueOn}. Record what difference the purchase made.",
  },
};

/** The words for an event: the scheme's where it gives them, core's otherwise. */
export function wordingFor(
  event: NotificationEvent,
  schemeWording: Partial<Record<NotificationEvent, Partial<EventWording>>> | undefined,
): EventWording {
  return { ...coreWording[event], ...schemeWording?.[event] };
}

/** Fills `{placeholders}` from the facts; an unknown placeholder is left as written. */
export function fillIn(template: string, facts: Partial<NotificationFacts>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = facts[key as keyof NotificationFacts];
    return value === undefined ? whole : value;
  });
}

/** "Zephyrine Quillfeather" → "Z. Q.": enough for a person to recognise, not to identify. */
export function initialsOf(children: readonly { givenName: string; familyName: string }[]): string {
  return children
    .map((child) => `${child.givenName.trim().charAt(0)}. ${child.familyName.trim().charAt(0)}.`.toUpperCase())
    .join(", ");
}
