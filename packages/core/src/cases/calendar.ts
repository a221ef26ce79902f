// Dates a person writes down (a date of birth, the day an assessment was completed) are
// calendar days in England, not instants: "today" is today in London, whatever the server's zone.

const londonDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today in London as "YYYY-MM-DD". */
export function todayInLondon(now = new Date()): string {
  return londonDay.format(now);
}

/** The calendar day of a `Date` scalar or a `@db.Date` column (both are midnight UTC). */
export function calendarDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** True when the day is after today in London, so it cannot have happened yet. */
export function isAfterToday(date: Date, now = new Date()): boolean {
  return calendarDay(date) > todayInLondon(now);
}

/** The year in London now, for case references. */
export function yearInLondon(now = new Date()): number {
  return Number(todayInLondon(now).slice(0, 4));
}

/** Whole years since a date of birth, as of today in London (a child born on 29 February turns a year older on 1 March). */
export function ageInYears(dateOfBirth: Date, now = new Date()): number {
  const [year, month, day] = todayInLondon(now).split("-").map(Number) as [number, number, number];
  const born = calendarDay(dateOfBirth);
  const [bornYear, bornMonth, bornDay] = born.split("-").map(Number) as [number, number, number];
  const hadBirthday = month > bornMonth || (month === bornMonth && day >= bornDay);
  return year - bornYear - (hadBirthday ? 0 : 1);
}
