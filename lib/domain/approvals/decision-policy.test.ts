import { describe, expect, it } from "vitest";
import { checkUseCaseDecision, coveringException, MAX_EXCEPTION_MONTHS, type UseCaseDecisionFacts } from "./decision-policy";

const facts = (over: Partial<UseCaseDecisionFacts> = {}): UseCaseDecisionFacts => ({
  today: "2026-11-23",
  deciderId: "officer",
  submitterId: "filler",
  hasSubmittedAssessment: true,
  outcome: "APPROVED",
  tier: "LOW",
  criticalFlags: [],
  ownExpiry: null,
  newException: null,
  existingExceptions: [],
  ...over,
});

describe("use-case decision policy", () => {
  it("needs a submitted assessment, and its submitter cannot decide (separation of duties)", () => {
    expect(checkUseCaseDecision(facts({ hasSubmittedAssessment: false, submitterId: null }))).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(checkUseCaseDecision(facts({ submitterId: "officer" }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(checkUseCaseDecision(facts({ submitterId: "officer", outcome: "REJECTED" }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(checkUseCaseDecision(facts())).toEqual({ ok: true, exception: null });
  });

  it("approves a CRITICAL use case only under an exception that accepts every critical flag", () => {
    const critical = { tier: "CRITICAL" as const, criticalFlags: ["PHI_WITHOUT_BAA"] };
    const refused = checkUseCaseDecision(facts(critical));
    expect(refused).toMatchObject({ ok: false, code: "CONFLICT", fieldErrors: { withException: expect.any(String) } });
    expect(checkUseCaseDecision(facts({ ...critical, outcome: "REJECTED" }))).toEqual({ ok: true, exception: null });
    expect(checkUseCaseDecision(facts({ ...critical, newException: { expiresAt: "2027-03-01", consentAt: "2026-11-20" } }))).toEqual({ ok: true, exception: "NEW" });
    const old = { id: "e1", expiresAt: "2027-03-01", revokedAt: null, acceptedFlags: ["PHI_WITHOUT_BAA"] };
    expect(checkUseCaseDecision(facts({ ...critical, existingExceptions: [old] }))).toEqual({ ok: true, exception: { existingId: "e1" } });
    // A flag raised after the exception was granted is not covered by it.
    const twoFlags = { tier: "CRITICAL" as const, criticalFlags: ["PHI_WITHOUT_BAA", "TRAINS_ON_CUSTOMER_DATA"] };
    const notCovered = checkUseCaseDecision(facts({ ...twoFlags, existingExceptions: [old] }));
    expect(notCovered).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(!notCovered.ok && notCovered.message).toContain("does not accept all of these flags");
    // Expired or revoked exceptions cover nothing.
    expect(checkUseCaseDecision(facts({ ...critical, existingExceptions: [{ ...old, expiresAt: "2026-11-22" }] }))).toMatchObject({ ok: false });
    expect(checkUseCaseDecision(facts({ ...critical, existingExceptions: [{ ...old, revokedAt: new Date() }] }))).toMatchObject({ ok: false });
  });

  it("time-boxes exceptions and keeps every date after today, naming the field", () => {
    const field = (f: Partial<UseCaseDecisionFacts>) => {
      const v = checkUseCaseDecision(facts(f));
      return v.ok ? null : Object.keys(v.fieldErrors ?? {});
    };
    expect(field({ newException: { expiresAt: "2026-11-23", consentAt: null } })).toEqual(["exception.expiresAt"]);
    expect(field({ newException: { expiresAt: "2027-11-24", consentAt: null } })).toEqual(["exception.expiresAt"]);
    expect(field({ newException: { expiresAt: "2027-11-23", consentAt: null } })).toBeNull();
    expect(field({ newException: { expiresAt: "2027-01-01", consentAt: "2026-11-24" } })).toEqual(["exception.consentAt"]);
    expect(field({ ownExpiry: "2026-11-23" })).toEqual(["expiresAt"]);
    expect(field({ ownExpiry: "2026-11-24" })).toBeNull();
    expect(MAX_EXCEPTION_MONTHS).toBe(12);
  });

  it("picks the longest-lived exception in force that covers the flags", () => {
    const e = (id: string, expiresAt: string, acceptedFlags: string[]) => ({ id, expiresAt, revokedAt: null, acceptedFlags });
    const list = [e("a", "2027-01-01", ["X"]), e("b", "2027-05-01", ["X", "Y"]), e("c", "2027-09-01", ["Y"])];
    expect(coveringException(list, ["X"], "2026-11-23")?.id).toBe("b");
    expect(coveringException(list, ["X", "Y"], "2026-11-23")?.id).toBe("b");
    expect(coveringException(list, ["Z"], "2026-11-23")).toBeNull();
    expect(coveringException(list, ["X"], "2027-06-01")).toBeNull();
  });
});
