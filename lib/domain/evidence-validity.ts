/**
 * Whether a dated piece of evidence (DPA, certification) can be relied on today.
 * EXPIRING means it lapses within the warning window (60 days, the first reminder).
 */
export type Validity = "VALID" | "EXPIRING" | "EXPIRED" | "NO_EXPIRY";

export const EXPIRY_WARNING_DAYS = 60;
const DAY = 86_400_000;

export function validityOf(expiresAt: Date | null, now: Date = new Date()): Validity {
  if (!expiresAt) return "NO_EXPIRY";
  // Evidence is valid through its expiry date (a date, UTC): it lapses the day after.
  const lapsesAt = expiresAt.getTime() + DAY;
  if (lapsesAt <= now.getTime()) return "EXPIRED";
  if (lapsesAt - now.getTime() <= EXPIRY_WARNING_DAYS * DAY) return "EXPIRING";
  return "VALID";
}

export function daysUntil(date: Date, now: Date = new Date()): number {
  const startOfToday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((date.getTime() - startOfToday) / DAY);
}
