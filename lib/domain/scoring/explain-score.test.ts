import { describe, expect, it } from "vitest";
import { DPA_CLAUSES } from "@/lib/domain/vocabulary";
import { explainFlag, explainScore } from "./explain-score";
import { redFlags } from "./red-flags";
import { scoreProduct } from "./score-product";
import type { ScoringInput } from "./types";

const clauses = Object.fromEntries(DPA_CLAUSES.map((c) => [c, "PRESENT"])) as NonNullable<ScoringInput["dpa"]>["clauses"];

const input = (): ScoringInput => ({
  asOf: "2026-11-23",
  product: { tier: "ENTERPRISE", processingRegions: ["EU"], retentionKind: "DAYS", trainingPolicy: "NEVER", subProcessorCount: 3 },
  dpa: { signedAt: "2026-01-01", expiresAt: "2028-01-01", breachNoticeHours: 48, transferMechanism: "SCCS", clauses: { ...clauses, AUDIT_RIGHTS: "MISSING", RETENTION: "PARTIAL", DATA_OWNERSHIP: "NOT_APPLICABLE" } },
  certifications: [{ type: "SOC2_TYPE_II", expiresAt: "2027-06-01", hasFile: false, issuedAt: "2026-06-01", createdAt: "2026-06-02" }],
  questionnaire: {
    answers: [
      { key: "trains", prompt: "Does the vendor train on your data?", weight: 3, points: 100, status: "ANSWERED" },
      { key: "breach", prompt: "How fast are breaches reported?", weight: 2, points: null, status: "UNANSWERED" },
      { key: "hidden", prompt: "Hidden follow-up", weight: 5, points: null, status: "NOT_ASKED" },
    ],
  },
});

describe("what moved the score", () => {
  it("gives each item its points of the final score, most to gain first, in words", () => {
    const result = scoreProduct(input());
    const rows = explainScore(result, { trains: "Does the vendor train on your data?", breach: "How fast are breaches reported?" });
    // 11 applicable clauses share 40 points; 2 questions (weight 5) share 40; certifications 20.
    expect(rows[0]).toMatchObject({ label: "How fast are breaches reported?", earned: 0, available: 16, state: "Unanswered", howToGain: "Answer this question in a new assessment.", fix: { kind: "question", key: "breach" } });
    // The unverified SOC 2 (half credit) next: 10 of 20.
    expect(rows[1]).toMatchObject({ label: expect.stringMatching(/^Certification: /), earned: 10, available: 10, state: "Unverified: no file attached", fix: { kind: "certificate" } });
    const audit = rows.find((r) => r.item === "AUDIT_RIGHTS")!;
    expect(audit).toMatchObject({ label: "DPA clause: Audit rights", state: "Missing", earned: 0, available: 3.6, fix: { kind: "dpa-clause", clause: "AUDIT_RIGHTS" } });
    expect(rows.find((r) => r.item === "RETENTION")).toMatchObject({ state: "Partial", earned: 1.8, available: 1.8 });
    // Full marks: nothing to gain, no fix offered.
    expect(rows.find((r) => r.item === "trains")).toMatchObject({ earned: 24, available: 0, howToGain: null, fix: null });
    // Excluded items move nothing and are not listed.
    expect(rows.map((r) => r.item)).not.toContain("hidden");
    expect(rows.map((r) => r.item)).not.toContain("DATA_OWNERSHIP");
    // Sorted by points to gain, then points earned.
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.available).toBeGreaterThanOrEqual(rows[i]!.available);
    // What is earned adds up to the score (each row is rounded to a tenth of a point).
    expect(Math.abs(rows.reduce((n, r) => n + r.earned, 0) - result.score)).toBeLessThan(1);
  });

  it("says where each red flag is fixed, following the product's own facts", () => {
    const facts = { tier: "ENTERPRISE", trainingPolicy: "NEVER", retentionKind: "DAYS", processingRegions: ["EU"] } as const;
    const noDpa = { ...input(), dpa: null };
    const byId = Object.fromEntries(redFlags(noDpa).map((f) => [f.id, explainFlag(f, facts)]));
    expect(byId.NO_DPA).toMatchObject({ label: "No signed DPA", fix: { kind: "dpa" } });
    expect(byId.NO_INDEPENDENT_AUDIT).toMatchObject({ fix: { kind: "certificate", type: "SOC2_TYPE_II" } });
    expect(byId.UNKNOWN_LOCATION).toMatchObject({ fix: { kind: "dpa-clause", clause: "LOCATION" } });
    expect(byId.UNLIMITED_RETENTION?.fix).toEqual({ kind: "dpa-clause", clause: "RETENTION" });
    // With no regions on record, the fix is the product fact, not the DPA.
    expect(explainFlag({ id: "UNKNOWN_LOCATION", severity: "high", evidence: "" }, { ...facts, processingRegions: [] }).fix).toEqual({ kind: "product-fact", fact: "processingRegions" });
    expect(explainFlag({ id: "TRAINS_ON_CUSTOMER_DATA", severity: "critical", evidence: "" }, { ...facts, trainingPolicy: "YES_NO_OPT_OUT" }).fix).toEqual({ kind: "product-fact", fact: "trainingPolicy" });
    expect(explainFlag({ id: "UNLIMITED_RETENTION", severity: "high", evidence: "" }, { ...facts, retentionKind: "UNLIMITED" }).fix).toEqual({ kind: "product-fact", fact: "retentionKind" });
  });
});
