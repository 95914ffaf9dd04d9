import { describe, expect, it } from "vitest";
import { sentencesOf } from "../test-document";
import { auditRule, breachRule, securityRule, subprocessorRule } from "./safeguards";

describe("SUBPROCESSORS", () => {
  it("fires with list, notice and objection", () => {
    const p = subprocessorRule(sentencesOf("# 5. Sub-processors", "5.1 The sub-processors are listed in Annex III.", "5.2 Processor shall inform Controller of any new Sub-processor at least 30 days in advance.", "5.3 Controller may object to the new Sub-processor within 15 days."));
    expect(p.status).toBe("PRESENT");
  });
  it("is PARTIAL without a right to object, and says what is lacking", () => {
    const p = subprocessorRule(sentencesOf("A current list of third-party service providers is available upon request.", "Redwood will notify Customer of any new service provider at least thirty (30) days before access begins."));
    expect(p).toMatchObject({ status: "PARTIAL", reason: "Sub-processors are covered only in part: no right to object." });
  });
  it("is MISSING when nothing is said", () => {
    expect(subprocessorRule(sentencesOf("Vendor encrypts data at rest.")).status).toBe("MISSING");
  });
});

describe("SECURITY_MEASURES", () => {
  it("fires on TLS, AES-256 and access control", () => {
    expect(securityRule(sentencesOf("Data is encrypted in transit with TLS 1.2+ and at rest with AES-256.", "Access uses role-based access control and MFA.")).status).toBe("PRESENT");
  });
  it("is PARTIAL on general safeguards", () => {
    expect(securityRule(sentencesOf("Vendor uses commercially reasonable safeguards to protect User Content.")).status).toBe("PARTIAL");
  });
});

describe("AUDIT_RIGHTS", () => {
  it("fires on an audit right", () => {
    expect(auditRule(sentencesOf("Controller may audit Processor's compliance once per year on 30 days' notice.")).status).toBe("PRESENT");
  });
  it("fires on SOC 2 reports on request even when on-site audits are excluded", () => {
    const p = auditRule(sentencesOf("Vendor will furnish its most recent SOC 2 Type II report upon request.", "Customer shall not have the right to conduct on-site audits."));
    expect(p).toMatchObject({ status: "PRESENT", reason: expect.stringMatching(/reports/) });
    expect(p.evidence).toHaveLength(1);
  });
  it("is PARTIAL on questionnaires only", () => {
    expect(auditRule(sentencesOf("Harbor will respond to Customer's written security questionnaire regarding compliance.")).status).toBe("PARTIAL");
  });
});

describe("BREACH_NOTIFICATION", () => {
  it("fires on a deadline", () => {
    const p = breachRule(sentencesOf("Processor shall notify Controller of a Personal Data Breach without undue delay and in any event within 36 hours."));
    expect(p).toMatchObject({ status: "PRESENT", reason: "Notice within 36 hours." });
  });
  it("is PARTIAL on 'without undue delay' alone", () => {
    expect(breachRule(sentencesOf("Sigma will notify Customer of any Personal Data Breach without undue delay.")).status).toBe("PARTIAL");
  });
  it("does not take an audit notice period for a breach deadline", () => {
    expect(breachRule(sentencesOf("Controller may audit on thirty (30) days' written notice.")).status).toBe("MISSING");
  });
});

describe("negations the safeguard rules must not count", () => {
  it("a refused right to object is no right to object", () => {
    const p = subprocessorRule(sentencesOf("Sub-processors are listed in Annex 3.", "Vendor will notify Customer of new sub-processors 30 days in advance.", "Customer shall have no right to object to new sub-processors."));
    expect(p).toMatchObject({ status: "PARTIAL", reason: expect.stringContaining("no right to object") });
  });
  it("prior written consent, written as a negation, counts as notice and objection", () => {
    expect(subprocessorRule(sentencesOf("Approved sub-processors are listed in the Annex.", "Supplier shall not engage any sub-processor without the Customer's prior written consent.")).status).toBe("PRESENT");
  });
  it("data not encrypted at rest is not encryption at rest", () => {
    const p = securityRule(sentencesOf("Data is encrypted in transit with TLS 1.2.", "Backups are not encrypted at rest.", "Access uses role-based access control."));
    expect(p).toMatchObject({ status: "PARTIAL", reason: expect.stringContaining("encryption at rest") });
  });
});
