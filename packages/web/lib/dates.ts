const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/London",
});

/** "2026-11-23" → "23 November 2026". */
export function formatDate(date: string | null | undefined): string {
  return date ? dateFormat.format(new Date(date)) : "";
}

export function formatDateTime(dateTime: string | null | undefined): string {
  return dateTime ? dateTimeFormat.format(new Date(dateTime)) : "";
}

/** Today as the API's Date scalar. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
