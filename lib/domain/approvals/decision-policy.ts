/**
 * The rules a use-case decision must pass before anything is written (PRODUCT.md "Approvals"):
 * separation of duties, the time-box on exceptions, CRITICAL needs an exception that accepts its
 * critical flags, and an approval's own expiry after today. Pure: the caller loads the facts, this
 * says yes or which field is wrong, so every rule is tested without a database.
 */
import { addMonths, type CalendarDate } from "@/lib/domain/dates/calendar-date";
import type { RiskTier } from "@/lib/domain/vocabulary";

/** An exception is time-boxed: at most this long. */
export const MAX_EXCEPTION_MONTHS = 12;

export interface ExceptionFacts {
  id: string;
  expiresAt: CalendarDate;
  revokedAt: Date | null;
  /** The critical flags the exception accepts; a flag not listed is not covered. */
  acceptedFlags: string[];
}

export interface UseCaseDecisionFacts {
  today: CalendarDate;
  deciderId: string;
  /** Who submitted the assessment the decision relies on; null when none is submitted. */
  submitterId: string | null;
  hasSubmittedAssessment: boolean;
  outcome: "APPROVED" | "APPROVED_WITH_CONDITIONS" | "REJECTED";
  tier: RiskTier;
  /** The ids of the critical flags the use case has now. */
  criticalFlags: string[];
  ownExpiry: CalendarDate | null;
  /** An exception recorded with this decision (it accepts the current critical flags). */
  newException: { expiresAt: CalendarDate; consentAt: CalendarDate | null } | null;
  /** The use case's exceptions already on record. */
  existingExceptions: ExceptionFacts[];
}

export type DecisionRefusal = { ok: false; code: "FORBIDDEN" | "CONFLICT" | "VALIDATION"; message: string; fieldErrors?: Record<string, string> };
export type DecisionVerdict = { ok: true; exception: "NEW" | { existingId: string } | null } | DecisionRefusal;

/** An exception in force today (not revoked, not expired). */
export const exceptionInForce = (e: Pick<ExceptionFacts, "expiresAt" | "revokedAt">, today: CalendarDate) => e.revokedAt === null && e.expiresAt >= today;

/** Whether an exception accepts every one of these critical flags. */
export const exceptionCovers = (e: Pick<ExceptionFacts, "acceptedFlags">, criticalFlags: string[]) => criticalFlags.every((f) => e.acceptedFlags.includes(f));

/** The exception in force today that covers these critical flags (the longest-lived), or null. */
export function coveringException<E extends ExceptionFacts>(exceptions: E[], criticalFlags: string[], today: CalendarDate): E | null {
  const covering = exceptions.filter((e) => exceptionInForce(e, today) && exceptionCovers(e, criticalFlags));
  return covering.length ? covering.reduce((a, b) => (b.expiresAt > a.expiresAt ? b : a)) : null;
}

const refuse = (code: DecisionRefusal["code"], message: string, field?: string): DecisionRefusal => ({ ok: false, code, message, ...(field ? { fieldErrors: { [field]: message } } : {}) });

export function checkUseCaseDecision(f: UseCaseDecisionFacts): DecisionVerdict {
  if (!f.hasSubmittedAssessment) return refuse("CONFLICT", "The product has no submitted assessment yet. Submit one before deciding a use case.");
  if (f.submitterId === f.deciderId) return refuse("FORBIDDEN", "You submitted the assessment this decision relies on, so someone else must decide it (separation of duties).");
  const approving = f.outcome !== "REJECTED";
  if (!approving) return { ok: true, exception: null };
  if (f.newException) {
    if (f.newException.expiresAt <= f.today) return refuse("VALIDATION", "The exception must expire after today.", "exception.expiresAt");
    if (f.newException.expiresAt > addMonths(f.today, MAX_EXCEPTION_MONTHS)) return refuse("VALIDATION", `An exception lasts at most ${MAX_EXCEPTION_MONTHS} months.`, "exception.expiresAt");
    if (f.newException.consentAt && f.newException.consentAt > f.today) return refuse("VALIDATION", "The consent date cannot be in the future.", "exception.consentAt");
  }
  if (f.ownExpiry !== null && f.ownExpiry <= f.today) return refuse("VALIDATION", "The approval's expiry must be after today.", "expiresAt");
  if (f.tier !== "CRITICAL") return { ok: true, exception: null };
  if (f.newException) return { ok: true, exception: "NEW" };
  const existing = coveringException(f.existingExceptions, f.criticalFlags, f.today);
  if (existing) return { ok: true, exception: { existingId: existing.id } };
  const uncovered = f.existingExceptions.some((e) => exceptionInForce(e, f.today));
  return {
    ok: false,
    code: "CONFLICT",
    message: `This use case is CRITICAL (${f.criticalFlags.join(", ")}). ${
      uncovered ? "The exception on record does not accept all of these flags, so it" : "It"
    } can only be approved with an exception: justification, risk accepted, client consent and an expiry date.`,
    fieldErrors: { withException: "Record an exception to approve a CRITICAL use case." },
  };
}
