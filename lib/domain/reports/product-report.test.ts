import { describe, expect, it } from "vitest";
import type { ScoreResult } from "@/lib/domain/scoring/types";
import { tierStatement } from "@/lib/domain/tier-statement";
import { auditActionSentence } from "@/lib/domain/audit-action-words";
import { productReportContent, type ProductReportFacts } from "./product-report";
import { portfolioReportContent } from "./portfolio-report";
import { RED_FLAG_SEVERITY } from "./methodology";
import { RED_FLAG_LABELS } from "@/lib/domain/scoring/red-flags";

const score: ScoreResult = {
  modelVersion: 2,
  score: 84,
  tier: "CRITICAL",
  tierReason: "Critical red flag: PHI_WITHOUT_BAA",
  parts: { dpa: { score: 90, weight: 40 }, questionnaire: { score: 80, weight: 40 }, certifications: { score: 75, weight: 20 } },
  contributions: [
    { part: "dpa", item: "NO_TRAINING", points: 1, of: 1, note: "present" },
    { part: "questionnaire", item: "console_mfa", points: 3, of: 3, note: "100% of its weight" },
    { part: "certifications", item: "SOC2_TYPE_II", points: 1, of: 1, note: "valid independent audit" },
  ],
  flags: [{ id: "PHI_WITHOUT_BAA", severity: "critical", evidence: "The use case carries PHI and no valid HIPAA BAA is recorded." }],
};

const facts = (over: Partial<ProductReportFacts> = {}): ProductReportFacts => ({
  today: "2026-12-04",
  organizationName: "Harbour IT",
  vendor: { name: "OpenAI", website: null },
  product: { name: "API", tier: "ENTERPRISE", processingRegions: ["EU"], retentionKind: "DAYS", retentionDays: 30, trainingPolicy: "NEVER", encryptionInTransit: true, encryptionAtRest: null },
  useCase: { clientName: "Harbor Health", purpose: "Triage notes", dataClasses: ["PHI"], residency: "EU", displayStatus: "APPROVED_WITH_CONDITIONS", validUntil: "2027-03-01", validUntilWhy: "the exception expires" },
  score,
  questionText: { console_mfa: "Does the vendor's admin console enforce MFA and role-based access?" },
  decision: {
    outcome: "APPROVED_WITH_CONDITIONS",
    decidedBy: "Ana Ruiz",
    decidedAt: "2026-11-23T10:05:00.000Z",
    decidedOn: "2026-11-23",
    justification: "Clinical need.",
    conditions: [
      { text: "Sign a BAA", dueOn: "2026-12-01", met: false },
      { text: "Redact names", dueOn: "2027-01-15", met: true },
    ],
  },
  dpa: { title: "DPA", signedOn: "2026-01-10", expiresOn: "2028-01-01", breachNoticeHours: 48, transferMechanism: "SCCS", clauses: [{ clause: "NO_TRAINING", status: "PRESENT", evidence: "§3" }] },
  certifications: [{ name: null, type: "SOC2_TYPE_II", issuer: "A-LIGN", issuedOn: "2026-01-01", expiresOn: "2026-12-20" }],
  subProcessors: [{ name: "Azure", purpose: "Hosting", country: "NL", region: "EU" }],
  questionnaire: null,
  exceptions: [{ justification: "No alternative", riskAccepted: "PHI without a BAA", clientConsent: true, consentBy: "Dr Lee", consentOn: "2026-11-20", expiresOn: "2027-03-01", grantedBy: "Ana Ruiz", revoked: false, active: true, acceptedFlags: null }],
  renewals: [{ kind: "EXCEPTION_EXPIRY", title: 'Risk exception for "Triage notes" expires', dueOn: "2027-03-01" }],
  audit: [{ at: "2026-11-23T10:05:00.000Z", actor: "ana@harbour.example", action: "decision.record", entityType: "UseCase" }],
  ...over,
});

describe("product report wording", () => {
  it("states the decision as it is: outcome, the exception with the flag it accepts, its expiry and the client's consent, conditions and their state", () => {
    const data = productReportContent(facts());
    expect(data.summary!.decision).toBe(
      "Approved with conditions under a risk exception accepting PHI without BAA, expires 2027-03-01, client consent by Dr Lee on 2026-11-20. Decided by Ana Ruiz on 2026-11-23. 2 conditions: 1 met. Status today: Approved with conditions; valid until 2027-03-01.",
    );
    expect(data.summary!.conditions).toEqual(["Sign a BAA (due 2026-12-01): open, overdue", "Redact names (due 2027-01-15): met"]);
    expect(data.signature).toEqual({ decidedBy: "Ana Ruiz", decidedAt: "2026-11-23 10:05 UTC", statement: "Ana Ruiz, compliance officer, recorded the decision above on 2026-11-23 10:05 UTC." });
    expect(data.confidentiality).toBe("Confidential: prepared by Harbour IT for Harbor Health. Not for onward distribution.");
  });

  it("names the flags an exception accepts when it names them, and says when consent is missing", () => {
    const [e] = facts().exceptions;
    const data = productReportContent(facts({ exceptions: [{ ...e!, acceptedFlags: ["PHI_WITHOUT_BAA", "RESIDENCY_MISMATCH"], clientConsent: false }] }));
    expect(data.summary!.decision).toMatch(/^Approved with conditions under a risk exception accepting PHI without BAA and Residency mismatch, expires 2027-03-01, without the client's consent\./);
    expect(data.exceptions[0]!.riskAccepted).toBe("PHI without a BAA (accepts: PHI without BAA, Residency mismatch)");
  });

  it("says the tier was capped by a flag, not the score, and shows every code in words", () => {
    const data = productReportContent(facts());
    expect(data.score.cappedBy).toBe("capped by a critical flag");
    expect(data.score.tierReason).toBe("Critical risk, capped by a critical red flag (PHI without BAA): the score of 84 alone would rate Low.");
    expect(data.score.contributions.map((c) => c.item)).toEqual(["No training on customer data", "Does the vendor's admin console enforce MFA and role-based access?", "SOC 2 Type II"]);
    expect(data.dpa!.clauses[0]!.label).toBe("No training on customer data");
    expect(data.flags[0]!.label).toBe("PHI without BAA");
    expect(data.audit[0]).toEqual({ at: "2026-11-23 10:05", actor: "ana@harbour.example", action: "Recorded a decision", summary: "About the use case" });
    expect(data.certifications[0]!.validity).toBe("Valid, expiring within 60 days");
    expect(data.dates).toEqual([{ label: 'Exception expiry: Risk exception for "Triage notes" expires', dueOn: "2027-03-01" }]);
  });

  it("a product-level report says no decision covers clients and holds no client's data", () => {
    const data = productReportContent(facts({ useCase: null, decision: null, exceptions: [], score: { ...score, tier: "LOW", flags: [] } }));
    expect(data.audience).toEqual({ clientName: null, note: "Product-level report: no client's use cases, risk exceptions or dates are included." });
    expect(data.summary!.decision).toMatch(/^No product-level decision is recorded/);
    expect(data.score.tierReason).toBe("Low risk, set by the score of 84 (80 or more, no red flag).");
    expect(data.signature!.decidedBy).toBeNull();
    expect(data.confidentiality).toBe("Confidential: prepared by Harbour IT. Not for onward distribution.");
  });

  it("lists each contradiction with both sides in words, open or why both stand", () => {
    const data = productReportContent(
      facts({
        contradictions: [
          { title: "HIPAA BAA claimed, none recorded", left: { source: "answer", label: "Is a HIPAA Business Associate Agreement available?", value: "Yes" }, right: { source: "evidence", label: "Certifications", value: "No valid HIPAA BAA recorded" }, acknowledgement: null },
          { title: "The answer and the product record disagree", left: { source: "answer", label: "Retention days?", value: "30" }, right: { source: "product", label: "Retention", value: "Unknown" }, acknowledgement: { reason: "Confirmed by e-mail", by: "Ana Ruiz", at: "2026-11-30T09:00:00.000Z" } },
        ],
      }),
    );
    expect(data.contradictions).toEqual([
      { title: "HIPAA BAA claimed, none recorded", left: "Answer — Is a HIPAA Business Associate Agreement available?: Yes", right: "Evidence — Certifications: No valid HIPAA BAA recorded", status: "Open: not yet resolved" },
      { title: "The answer and the product record disagree", left: "Answer — Retention days?: 30", right: "Product record — Retention: Unknown", status: "Both stand (Ana Ruiz, 2026-11-30 09:00 UTC): Confirmed by e-mail" },
    ]);
    expect(productReportContent(facts()).contradictions).toEqual([]);
  });

  it("says which certifications do not count: superseded, or unverified without their document", () => {
    const cert = { name: null, type: "SOC2_TYPE_II", issuer: "A-LIGN", issuedOn: "2024-01-01", expiresOn: "2025-01-01" };
    const data = productReportContent(facts({ certifications: [{ ...cert, standing: "SUPERSEDED" }, { ...cert, issuedOn: "2026-01-01", expiresOn: "2027-06-01", standing: "UNVERIFIED" }] }));
    expect(data.certifications.map((c) => c.validity)).toEqual(["Superseded by a newer record (not counted)", "Valid; unverified: no report or certificate attached (half credit)"]);
  });

  it("the methodology lists every red flag with its severity, the weights in percent and the cadence", () => {
    const data = productReportContent(facts());
    expect(Object.keys(RED_FLAG_SEVERITY).sort()).toEqual(Object.keys(RED_FLAG_LABELS).sort());
    expect(data.methodology!.parts.map((p) => p.weight)).toEqual([40, 40, 20]);
    expect(data.methodology!.flags[0]).toMatchObject({ severity: "critical", effect: "sets the tier to Critical" });
    expect(data.methodology!.cadence[0]).toMatch(/^Low: reviewed every 12 months/);
  });
});

describe("tier statement", () => {
  it("is capped only when a flag set a worse tier than the score", () => {
    expect(tierStatement(55, "HIGH", [{ id: "CONSUMER_TIER", severity: "high" }]).cappedByFlag).toBe(false);
    expect(tierStatement(90, "MEDIUM", [{ id: "SLOW_BREACH_NOTICE", severity: "medium" }])).toMatchObject({ cappedByFlag: true, capLabel: "capped by a medium flag" });
    expect(tierStatement(65, "MEDIUM", []).sentence).toBe("Medium risk, set by the score of 65 (60 to 79).");
  });
});

describe("audit action sentences", () => {
  it("known actions read as sentences; unknown ones are spelt out, never bare codes", () => {
    expect(auditActionSentence("exception.grant")).toBe("Granted a risk exception");
    expect(auditActionSentence("approval.suspend_now")).toBe("Approval: suspend now");
  });
});

describe("portfolio report wording", () => {
  it("charts use cases by tier and status, leaving out an empty 'Not scored' row", () => {
    const data = portfolioReportContent({
      organizationName: "Harbour IT",
      client: { name: "Harbor Health", residency: "EU", dataClasses: ["PHI"], frameworks: ["HIPAA"] },
      weights: { dpa: 40, questionnaire: 40, certifications: 20 },
      useCases: [
        { vendorName: "OpenAI", productName: "API", purpose: "Notes", status: "APPROVED", tier: "CRITICAL", score: 84, validUntil: "2027-03-01", flagIds: ["PHI_WITHOUT_BAA"] },
        { vendorName: "OpenAI", productName: "API", purpose: "Letters", status: "LAPSED", tier: "CRITICAL", score: 84, validUntil: "2026-01-01", flagIds: [] },
        { vendorName: "Acme", productName: "Scribe", purpose: "Minutes", status: "PROPOSED", tier: "LOW", score: 90, validUntil: null, flagIds: [] },
        { vendorName: "Acme", productName: "Scribe", purpose: "Notes", status: "SUSPENDED", tier: "CRITICAL", score: 90, validUntil: null, flagIds: [] },
      ],
    });
    expect(data.chart!.map((r) => [r.label, r.counts.map((c) => c.count)])).toEqual([
      ["Critical", [1, 0, 1, 1, 0]],
      ["High", [0, 0, 0, 0, 0]],
      ["Medium", [0, 0, 0, 0, 0]],
      ["Low", [0, 1, 0, 0, 0]],
    ]);
    expect(data.useCases[0]).toMatchObject({ product: "OpenAI — API", status: "Approved", openFlags: ["PHI without BAA"] });
    expect(data.summary).toMatchObject({ total: 4, approved: 1, lapsed: 1, pending: 1, critical: 3 });
    expect(data.audience!.note).toBe("Prepared for Harbor Health: only Harbor Health's use cases are included.");
  });
});
