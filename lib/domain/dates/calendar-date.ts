/**
 * Calendar dates as "YYYY-MM-DD" strings. Expiry, due and review dates are days, not instants:
 * doing the arithmetic on plain dates keeps month ends, leap days and time zones out of it.
 * An item is valid through its date and lapses the day after.
 */
export type CalendarDate = string;

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: CalendarDate): [number, number, number] {
  const m = PATTERN.exec(date);
  if (!m) throw new Error(`Not a calendar date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const format = (y: number, m: number, d: number) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Adds calendar months; a day past the end of the target month becomes its last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return format(year, month, Math.min(d, daysInMonth(year, month)));
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** The calendar date of an instant in a time zone (default UTC): what "today" is for that user. */
export function calendarDateOf(instant: Date, timeZone = "UTC"): CalendarDate {
  const fields = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(instant);
  const get = (type: string) => fields.find((f) => f.type === type)!.value;
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** A date column (stored as midnight UTC) as a calendar date. */
export function calendarDateOfColumn(value: Date): CalendarDate;
export function calendarDateOfColumn(value: Date | null): CalendarDate | null;
export function calendarDateOfColumn(value: Date | null): CalendarDate | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

/** A calendar date as the Date a `@db.Date` column stores (midnight UTC). */
export function toDateColumn(date: CalendarDate): Date {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d));
}

export function isCalendarDate(value: string): boolean {
  const m = PATTERN.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}
