/**
 * Whether a dated piece of evidence (DPA, certification) can be relied on today.
 * EXPIRING means it lapses within the warning window (60 days, the first reminder).
 * Days, not instants: "today" is the organisation's calendar date, and evidence is valid through
 * its expiry date and lapses the day after.
 */
import { daysBetween, type CalendarDate } from "./dates/calendar-date";

export type Validity = "VALID" | "EXPIRING" | "EXPIRED" | "NO_EXPIRY";

export const EXPIRY_WARNING_DAYS = 60;

/** The expiry column (a date stored as midnight UTC) as a calendar date. */
const dayOf = (expiresAt: Date) => expiresAt.toISOString().slice(0, 10);

export function validityOf(expiresAt: Date | null, today: CalendarDate): Validity {
  if (!expiresAt) return "NO_EXPIRY";
  const days = daysUntil(expiresAt, today);
  if (days < 0) return "EXPIRED";
  if (days < EXPIRY_WARNING_DAYS) return "EXPIRING";
  return "VALID";
}

/** Whole days from today to the expiry date (0 on the day itself, negative once past). */
export function daysUntil(expiresAt: Date, today: CalendarDate): number {
  return daysBetween(today, dayOf(expiresAt));
}
