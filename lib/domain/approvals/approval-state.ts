/**
 * Where an approval stands today, from the evidence as it is now (PRODUCT.md "Score and tier",
 * issue 15 items 6 and 7): valid until the earliest of its own expiry, the next review by the
 * CURRENT tier's cadence, the current expiry of the DPA and certifications it relied on and of the
 * exception it stands on. A use case whose tier is now CRITICAL is suspended unless an exception
 * on record (not revoked) accepts every critical flag it has now; an exception's own expiry lapses
 * the approval through the valid-until date instead.
 */
import type { CalendarDate } from "@/lib/domain/dates/calendar-date";
import type { RiskTier } from "@/lib/domain/vocabulary";
import { approvalValidity, type ApprovalValidity, type EvidenceDate } from "./approval-validity";
import { exceptionCovers, type ExceptionFacts } from "./decision-policy";

export interface ApprovalStateInput {
  decidedOn: CalendarDate;
  tier: RiskTier;
  criticalFlags: string[];
  ownExpiry: CalendarDate | null;
  dpa: EvidenceDate | null;
  certifications: EvidenceDate[];
  exceptions: ExceptionFacts[];
}

export interface ApprovalState extends ApprovalValidity {
  /** Why the approval is suspended, or null when it is not. */
  suspendedWhy: string | null;
}

export function approvalState(input: ApprovalStateInput): ApprovalState {
  let exception: { expiresAt: CalendarDate } | null = null;
  let suspendedWhy: string | null = null;
  if (input.tier === "CRITICAL") {
    const covering = input.exceptions.filter((e) => e.revokedAt === null && exceptionCovers(e, input.criticalFlags));
    if (covering.length) exception = { expiresAt: covering.map((e) => e.expiresAt).reduce((a, b) => (b > a ? b : a)) };
    else {
      const accepted = new Set(input.exceptions.filter((e) => e.revokedAt === null).flatMap((e) => e.acceptedFlags));
      const uncovered = input.criticalFlags.filter((f) => !accepted.has(f));
      suspendedWhy = `The use case is now CRITICAL (${uncovered.join(", ")}) and no exception accepts ${uncovered.length === 1 ? "that flag" : "those flags"}: re-decide it or record an exception.`;
    }
  }
  const validity = approvalValidity({ decidedOn: input.decidedOn, tier: input.tier, ownExpiry: input.ownExpiry, dpa: input.dpa, certifications: input.certifications, exception });
  return { ...validity, suspendedWhy };
}
