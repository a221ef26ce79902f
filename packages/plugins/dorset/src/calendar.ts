// Ages and dates as a person in Dorset counts them: by the calendar day in London.

const londonDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" });

/** "2026-05-01": the calendar day in London at that moment. */
export const dayInLondon = (at: Date): string => londonDay.format(at);

/** The day a person born on `dateOfBirth` turns `years` (29 February counts from 1 March). */
export function birthday(dateOfBirth: Date, years: number): string {
  const born = dateOfBirth.toISOString().slice(0, 10);
  const [year, month, day] = born.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year + years, month - 1, day)).toISOString().slice(0, 10);
}

/** "12 March 2007", for messages. */
export const formatDay = (day: string | Date): string =>
  new Date(typeof day === "string" ? `${day}T00:00:00Z` : day).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
