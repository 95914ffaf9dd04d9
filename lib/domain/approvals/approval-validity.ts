/**
 * How long an approval holds (PRODUCT.md "Score and tier"): until the earliest of its own expiry,
 * the next review by the tier's cadence, the expiry of the DPA and certifications it relied on,
 * and the expiry of the exception it needed. The reason names the date that won, so the use case
 * and the renewal list can say why an approval lapses.
 */
import { addMonths, type CalendarDate } from "@/lib/domain/dates/calendar-date";
import type { CertificationType, RiskTier } from "@/lib/domain/vocabulary";

/** Review cadence in months. PRODUCT.md gives LOW 12, MEDIUM 6, HIGH 3; a CRITICAL product approved under exception is reviewed at least as often as HIGH. */
export const REVIEW_CADENCE_MONTHS: Record<RiskTier, number> = { LOW: 12, MEDIUM: 6, HIGH: 3, CRITICAL: 3 };

export function nextReviewDate(decidedOn: CalendarDate, tier: RiskTier): CalendarDate {
  return addMonths(decidedOn, REVIEW_CADENCE_MONTHS[tier]);
}

export interface EvidenceDate {
  id: string;
  label: string;
  expiresAt: CalendarDate | null;
}

const AUDIT_TYPES: CertificationType[] = ["SOC2_TYPE_II", "ISO_27001"];
const laterExpiry = <T extends { expiresAt: string | null }>(a: T, b: T) => (a.expiresAt === null ? a : b.expiresAt === null ? b : a.expiresAt >= b.expiresAt ? a : b);

/**
 * The certifications an approval relies on: the one that earned the certification part (a valid
 * SOC 2 Type II / ISO 27001, else the best other valid one; the longest-lived when several
 * qualify), and the HIPAA BAA when the use case carries PHI.
 */
export function reliedOnCertifications<C extends { id: string; type: CertificationType; expiresAt: CalendarDate | null }>(
  certifications: C[],
  asOf: CalendarDate,
  dataClasses: string[],
): C[] {
  const valid = certifications.filter((c) => c.expiresAt === null || c.expiresAt >= asOf);
  const audits = valid.filter((c) => AUDIT_TYPES.includes(c.type));
  const others = valid.filter((c) => !AUDIT_TYPES.includes(c.type) && c.type !== "HIPAA_BAA");
  const pool = audits.length ? audits : others;
  const out: C[] = pool.length ? [pool.reduce(laterExpiry)] : [];
  const baas = valid.filter((c) => c.type === "HIPAA_BAA");
  if (dataClasses.includes("PHI") && baas.length) out.push(baas.reduce(laterExpiry));
  return out;
}

export interface ApprovalValidityInput {
  decidedOn: CalendarDate;
  tier: RiskTier;
  /** An expiry the compliance officer set on the approval itself, if any. */
  ownExpiry: CalendarDate | null;
  dpa: EvidenceDate | null;
  certifications: EvidenceDate[];
  exception: { expiresAt: CalendarDate } | null;
}

export interface ApprovalValidity {
  validUntil: CalendarDate;
  why: string;
  nextReviewAt: CalendarDate;
}

export function approvalValidity(input: ApprovalValidityInput): ApprovalValidity {
  const nextReviewAt = nextReviewDate(input.decidedOn, input.tier);
  const candidates: Array<{ date: CalendarDate; why: string }> = [
    { date: nextReviewAt, why: `next review due (${input.tier} tier: every ${REVIEW_CADENCE_MONTHS[input.tier]} months)` },
  ];
  if (input.ownExpiry) candidates.push({ date: input.ownExpiry, why: "the approval's own expiry" });
  if (input.dpa?.expiresAt) candidates.push({ date: input.dpa.expiresAt, why: `${input.dpa.label} expires` });
  for (const c of input.certifications) if (c.expiresAt) candidates.push({ date: c.expiresAt, why: `${c.label} expires` });
  if (input.exception) candidates.push({ date: input.exception.expiresAt, why: "the risk exception expires" });
  // Earliest wins; on a tie the first listed reason (the review) is kept.
  const earliest = candidates.reduce((a, b) => (b.date < a.date ? b : a));
  return { validUntil: earliest.date, why: earliest.why, nextReviewAt };
}

export const APPROVED_STATUSES = ["APPROVED", "APPROVED_WITH_CONDITIONS"] as const;
export type UseCaseDisplayStatus = "PROPOSED" | "APPROVED" | "APPROVED_WITH_CONDITIONS" | "REJECTED" | "LAPSED" | "SUSPENDED";

/**
 * What a use case shows, wherever it is shown: an approval suspended by a rise to CRITICAL is
 * SUSPENDED; one past its valid-until date is LAPSED.
 */
export function statusShownForUseCase(status: string, validUntil: CalendarDate | null, today: CalendarDate, suspended = false): UseCaseDisplayStatus {
  const approved = (APPROVED_STATUSES as readonly string[]).includes(status);
  if (approved && suspended) return "SUSPENDED";
  if (approved && validUntil !== null && validUntil < today) return "LAPSED";
  return status as UseCaseDisplayStatus;
}
