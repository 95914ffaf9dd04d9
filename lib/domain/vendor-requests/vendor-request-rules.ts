/**
 * Pure rules of a questionnaire request sent to a vendor: when its link stops working, which
 * answers the vendor may still change, what is missing before a submit, and which reminder a
 * request has reached. No I/O: lib/db/vendor-requests.ts and the pages call these.
 */
import { addDays, daysBetween, type CalendarDate } from "@/lib/domain/dates/calendar-date";
import { isAnswered, missingRequired, type AnswerValue, type RuleSection } from "@/lib/domain/questionnaire/rules";

/** Days the link keeps working after the due date, so a late vendor can still finish. */
export const VENDOR_LINK_GRACE_DAYS = 14;

/** The link works until the end (UTC) of the due date plus the grace. */
export function vendorLinkExpiry(dueOn: CalendarDate): Date {
  return new Date(`${addDays(dueOn, VENDOR_LINK_GRACE_DAYS + 1)}T00:00:00.000Z`);
}

export type VendorRequestStatus = "OPEN" | "SUBMITTED" | "RETURNED" | "COMPLETED";
export type VendorAnswerReview = "PENDING" | "ACCEPTED" | "RETURNED";

/**
 * Whether the vendor may change this answer now: anything while the request is open; after a
 * submit only what the account manager returned (and only until they submit again).
 */
export function vendorMayEdit(status: VendorRequestStatus, review: VendorAnswerReview | null): boolean {
  if (status === "OPEN") return true;
  if (status === "RETURNED") return review === "RETURNED";
  return false;
}

/** The sections the vendor sees: the pinned version's, minus the ones the sender skipped. */
export function sectionsToAnswer<S extends { key: string }>(sections: S[], skippedSectionKeys: string[]): S[] {
  const skipped = new Set(skippedSectionKeys);
  return sections.filter((s) => !skipped.has(s.key));
}

export interface SubmitCheckAnswer {
  value: AnswerValue;
  /** Still the copy of an earlier accepted answer the vendor has not confirmed. */
  prefilled: boolean;
  review: VendorAnswerReview;
}

export interface SubmitProblem {
  questionKey: string;
  reason: "MISSING" | "UNCONFIRMED" | "STILL_RETURNED";
}

/**
 * What stops a submit, in questionnaire order: required questions without an answer, copied
 * answers not yet confirmed, and (on a returned request) returned answers not changed since.
 */
export function submitProblems(sections: RuleSection[], answers: Record<string, SubmitCheckAnswer>, returnedUnchanged: Set<string> = new Set()): SubmitProblem[] {
  const values = Object.fromEntries(Object.entries(answers).map(([k, a]) => [k, a.value]));
  const problems: SubmitProblem[] = missingRequired(sections, values).map((m) => ({ questionKey: m.questionKey, reason: "MISSING" as const }));
  const listed = new Set(problems.map((p) => p.questionKey));
  for (const section of sections) {
    for (const q of section.questions) {
      if (listed.has(q.key)) continue;
      const a = answers[q.key];
      if (a?.prefilled && isAnswered(a.value)) problems.push({ questionKey: q.key, reason: "UNCONFIRMED" });
      else if (returnedUnchanged.has(q.key)) problems.push({ questionKey: q.key, reason: "STILL_RETURNED" });
    }
  }
  return problems;
}

export type VendorReminderThreshold = "7_DAYS" | "1_DAY" | "OVERDUE";

/** The reminder an open request has reached today: 7 days before, 1 day before, overdue; once each. */
export function vendorReminderThreshold(dueOn: CalendarDate, today: CalendarDate): VendorReminderThreshold | null {
  const days = daysBetween(today, dueOn);
  if (days < 0) return "OVERDUE";
  if (days <= 1) return "1_DAY";
  if (days <= 7) return "7_DAYS";
  return null;
}

/** Whether a request is still with the vendor (what reminders and the open lists count). */
export const isWithVendor = (status: VendorRequestStatus) => status === "OPEN" || status === "RETURNED";
