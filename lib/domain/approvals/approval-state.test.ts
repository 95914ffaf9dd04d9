import { describe, expect, it } from "vitest";
import { approvalState, type ApprovalStateInput } from "./approval-state";

const base: ApprovalStateInput = {
  decidedOn: "2026-05-01",
  tier: "LOW",
  criticalFlags: [],
  ownExpiry: null,
  dpa: { id: "d", label: 'the DPA "DPA 2026"', expiresAt: "2027-06-30" },
  certifications: [{ id: "c", label: "the SOC 2 Type II certification", expiresAt: "2027-03-31" }],
  exceptions: [],
};

describe("an approval's state from the evidence as it is now", () => {
  it("is valid until the earliest of review (current tier's cadence) and the relied-on evidence", () => {
    expect(approvalState(base)).toMatchObject({ validUntil: "2027-03-31", why: "the SOC 2 Type II certification expires", nextReviewAt: "2027-05-01", suspendedWhy: null });
    // The SOC 2 edited to an earlier expiry moves the approval with it.
    expect(approvalState({ ...base, certifications: [{ ...base.certifications[0]!, expiresAt: "2026-11-22" }] }).validUntil).toBe("2026-11-22");
    // A tier that rose to HIGH reviews every 3 months from the decision, not every 12.
    expect(approvalState({ ...base, tier: "HIGH" })).toMatchObject({ nextReviewAt: "2026-08-01", validUntil: "2026-08-01" });
  });

  it("suspends a use case that became CRITICAL unless an exception accepts every critical flag", () => {
    const critical = { ...base, tier: "CRITICAL" as const, criticalFlags: ["PHI_WITHOUT_BAA"] };
    expect(approvalState(critical).suspendedWhy).toContain("PHI_WITHOUT_BAA");
    const exception = { id: "e", expiresAt: "2026-12-31", revokedAt: null, acceptedFlags: ["PHI_WITHOUT_BAA"] };
    expect(approvalState({ ...critical, exceptions: [exception] })).toMatchObject({ suspendedWhy: null, validUntil: "2026-08-01" });
    // The exception expires before the review: it bounds the approval (LAPSED then, not suspended).
    expect(approvalState({ ...critical, decidedOn: "2026-11-01", exceptions: [exception] })).toMatchObject({ suspendedWhy: null, validUntil: "2026-12-31", why: "the risk exception expires" });
    // A new critical flag is not covered by the old exception.
    const more = approvalState({ ...critical, criticalFlags: ["PHI_WITHOUT_BAA", "TRAINS_ON_CUSTOMER_DATA"], exceptions: [exception] });
    expect(more.suspendedWhy).toContain("TRAINS_ON_CUSTOMER_DATA");
    expect(more.suspendedWhy).not.toContain("PHI_WITHOUT_BAA,");
    // A revoked exception covers nothing.
    expect(approvalState({ ...critical, exceptions: [{ ...exception, revokedAt: new Date() }] }).suspendedWhy).not.toBeNull();
  });
});
