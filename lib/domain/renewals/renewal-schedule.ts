/**
 * Renewal dates (PRODUCT.md "Score and tier"; issue 6): what is tracked, how far off it is, and
 * which reminder is due. Reminders go at 60, 30 and 7 days before, and when overdue; an item is
 * valid through its date and overdue the day after.
 */
import { addDays, daysBetween, daysInMonth, type CalendarDate } from "@/lib/domain/dates/calendar-date";

export const RENEWAL_KINDS = ["DPA_EXPIRY", "CERTIFICATION_EXPIRY", "APPROVAL_VALID_UNTIL", "APPROVAL_SUSPENDED", "CONDITION_DUE", "EXCEPTION_EXPIRY", "REVIEW_DUE"] as const;
export type RenewalKind = (typeof RENEWAL_KINDS)[number];

export const RENEWAL_KIND_LABELS: Record<RenewalKind, string> = {
  DPA_EXPIRY: "DPA expiry",
  CERTIFICATION_EXPIRY: "Certification expiry",
  APPROVAL_VALID_UNTIL: "Approval valid until",
  APPROVAL_SUSPENDED: "Approval suspended",
  CONDITION_DUE: "Condition due",
  EXCEPTION_EXPIRY: "Exception expiry",
  REVIEW_DUE: "Review due",
};

/** What to do about each kind of date, in the words the renewal list and the reminders use. */
export const RENEWAL_ACTIONS: Record<RenewalKind, string> = {
  DPA_EXPIRY: "Get the renewed or re-signed DPA from the vendor and record it as the current version.",
  CERTIFICATION_EXPIRY: "Obtain the renewed report or certificate and record it with its new expiry.",
  APPROVAL_VALID_UNTIL: "Renew the evidence it relied on, then have a compliance officer decide the use case again.",
  APPROVAL_SUSPENDED: "The use case became CRITICAL: a compliance officer decides it again, or records an exception that accepts its critical flags.",
  CONDITION_DUE: "Check the condition is met, then press Record as met on the decision and say how; otherwise escalate to the compliance officer.",
  EXCEPTION_EXPIRY: "Fix the underlying risk, or have the compliance officer record a new exception.",
  REVIEW_DUE: "Start a new assessment of the product and submit it for review.",
};

export const REMINDER_THRESHOLDS = ["60_DAYS", "30_DAYS", "7_DAYS", "OVERDUE"] as const;
export type ReminderThreshold = (typeof REMINDER_THRESHOLDS)[number];

/** The most urgent reminder an item has reached today, or null while it is more than 60 days off. */
export function reminderThreshold(dueOn: CalendarDate, today: CalendarDate, kind?: RenewalKind): ReminderThreshold | null {
  if (kind && DUE_AT_ONCE.has(kind)) return "OVERDUE";
  const days = daysBetween(today, dueOn);
  if (days < 0) return "OVERDUE";
  if (days <= 7) return "7_DAYS";
  if (days <= 30) return "30_DAYS";
  if (days <= 60) return "60_DAYS";
  return null;
}

export const RENEWAL_BUCKETS = ["OVERDUE", "DUE_7", "DUE_30", "DUE_60", "DUE_90"] as const;
export type RenewalBucket = (typeof RENEWAL_BUCKETS)[number] | "LATER";

export const BUCKET_LABELS: Record<RenewalBucket, string> = {
  OVERDUE: "Overdue",
  DUE_7: "Due within 7 days",
  DUE_30: "Due within 30 days",
  DUE_60: "Due within 60 days",
  DUE_90: "Due within 90 days",
  LATER: "Later",
};

/** A suspended approval needs action from the day it is suspended: it is overdue at once. */
export const DUE_AT_ONCE: ReadonlySet<RenewalKind> = new Set<RenewalKind>(["APPROVAL_SUSPENDED"]);

export function renewalBucket(dueOn: CalendarDate, today: CalendarDate, kind?: RenewalKind): RenewalBucket {
  if (kind && DUE_AT_ONCE.has(kind)) return "OVERDUE";
  const days = daysBetween(today, dueOn);
  if (days < 0) return "OVERDUE";
  if (days <= 7) return "DUE_7";
  if (days <= 30) return "DUE_30";
  if (days <= 60) return "DUE_60";
  if (days <= 90) return "DUE_90";
  return "LATER";
}

/** "in 5 days", "today", "3 days overdue". */
export function dueInWords(dueOn: CalendarDate, today: CalendarDate): string {
  const days = daysBetween(today, dueOn);
  if (days === 0) return "due today";
  if (days === 1) return "due tomorrow";
  if (days > 0) return `due in ${days} days`;
  return days === -1 ? "1 day overdue" : `${-days} days overdue`;
}

/** The weeks (Monday first) of a month view, each day a date; days outside the month are null. */
export function monthGrid(month: string): Array<Array<CalendarDate | null>> {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const first = `${month}-01`;
  const weekday = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7; // Monday = 0
  const cells: Array<CalendarDate | null> = [...Array<null>(weekday).fill(null)];
  for (let d = 0; d < daysInMonth(y, m); d++) cells.push(addDays(first, d));
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

export function isMonth(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + by;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}
