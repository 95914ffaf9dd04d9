import { describe, expect, it } from "vitest";
import { DPA_CLAUSES } from "@/lib/domain/vocabulary";
import { certificationStanding, countingCertifications, type CertificationEvidence } from "./counting-evidence";
import { redFlags } from "./red-flags";
import { scoreProduct } from "./score-product";
import type { ScoringInput } from "./types";

const allPresent = Object.fromEntries(DPA_CLAUSES.map((c) => [c, "PRESENT"])) as NonNullable<ScoringInput["dpa"]>["clauses"];
const soc2 = (issuedAt: string, expiresAt: string, extra: Partial<CertificationEvidence> = {}): CertificationEvidence => ({ type: "SOC2_TYPE_II", issuedAt, expiresAt, createdAt: `${issuedAt}T09:00:00.000Z`, hasFile: true, ...extra });

/** A LOW product: everything in order, one current SOC 2 Type II with its report. */
const lowProduct = (certifications: CertificationEvidence[]): ScoringInput => ({
  asOf: "2026-12-04",
  product: { tier: "ENTERPRISE", processingRegions: ["EU"], retentionKind: "DAYS", trainingPolicy: "NEVER", subProcessorCount: 2 },
  dpa: { signedAt: "2026-01-01", expiresAt: "2028-01-01", breachNoticeHours: 48, transferMechanism: "SCCS", clauses: { ...allPresent } },
  certifications,
  questionnaire: { answers: [{ key: "q", prompt: "Q", weight: 1, points: 100, status: "ANSWERED" }] },
});

describe("evidence that counts", () => {
  const current = soc2("2026-06-01", "2027-05-31");
  const lastYear = soc2("2024-06-01", "2025-06-03");

  it("last year's expired SOC 2 beside the current one leaves the tier LOW and raises nothing", () => {
    expect(scoreProduct(lowProduct([current])).tier).toBe("LOW");
    const both = scoreProduct(lowProduct([lastYear, current]));
    expect(both.tier).toBe("LOW");
    expect(both.flags.map((f) => f.id)).not.toContain("EXPIRED_EVIDENCE");
    expect(both.contributions.find((c) => c.excluded === "SUPERSEDED")).toMatchObject({ item: "SOC2_TYPE_II", of: 0 });
  });

  it("the newest record of a type counts even when it is the expired one", () => {
    const expiredCurrent = soc2("2025-01-01", "2026-01-01");
    const older = soc2("2023-01-01", "2030-01-01");
    const result = scoreProduct(lowProduct([older, expiredCurrent]));
    expect(result.flags.map((f) => f.id)).toEqual(expect.arrayContaining(["EXPIRED_EVIDENCE", "NO_INDEPENDENT_AUDIT"]));
    expect(result.parts.certifications.score).toBe(0);
  });

  it("newest by issue date, then by when it was recorded; each type on its own; OTHER records never supersede each other", () => {
    const a = soc2("2025-01-01", "2026-01-01", { id: "a", createdAt: "2026-03-01T00:00:00Z" });
    const b = soc2("2025-06-01", "2026-06-01", { id: "b", createdAt: "2025-07-01T00:00:00Z" });
    const iso: CertificationEvidence = { id: "iso", type: "ISO_27001", issuedAt: null, expiresAt: null, createdAt: "2020-01-01T00:00:00Z", hasFile: true };
    const o1: CertificationEvidence = { id: "o1", type: "OTHER", issuedAt: "2020-01-01", expiresAt: null };
    const o2: CertificationEvidence = { id: "o2", type: "OTHER", issuedAt: "2024-01-01", expiresAt: null };
    expect(countingCertifications([a, b, iso, o1, o2]).map((c) => c.id)).toEqual(["b", "iso", "o1", "o2"]);
    const sameDay = [soc2("2025-01-01", "2026-01-01", { id: "first", createdAt: "2025-01-02T00:00:00Z" }), soc2("2025-01-01", "2026-01-01", { id: "second", createdAt: "2025-01-03T00:00:00Z" })];
    expect(countingCertifications(sameDay).map((c) => c.id)).toEqual(["second"]);
    const standing = certificationStanding([a, b]);
    expect([standing.get(a), standing.get(b)]).toEqual(["SUPERSEDED", "COUNTS"]);
  });
});

describe("unverified independent audits", () => {
  it("a SOC 2 Type II without its report earns half and does not clear NO_INDEPENDENT_AUDIT", () => {
    const result = scoreProduct(lowProduct([soc2("2026-06-01", "2027-05-31", { hasFile: false })]));
    expect(result.parts.certifications.score).toBe(50);
    expect(result.contributions.find((c) => c.part === "certifications")).toMatchObject({ unverified: true, points: 0.5 });
    const flag = result.flags.find((f) => f.id === "NO_INDEPENDENT_AUDIT");
    expect(flag?.evidence).toMatch(/unverified/);
    expect(result.tier).toBe("HIGH");
  });

  it("an ISO 27001 with its certificate clears it although the SOC 2 beside it is unverified", () => {
    const iso: CertificationEvidence = { type: "ISO_27001", issuedAt: "2026-01-01", expiresAt: "2029-01-01", hasFile: true };
    const input = lowProduct([soc2("2026-06-01", "2027-05-31", { hasFile: false }), iso]);
    expect(redFlags(input).map((f) => f.id)).not.toContain("NO_INDEPENDENT_AUDIT");
    expect(scoreProduct(input).parts.certifications.score).toBe(100);
  });

  it("snapshots from before files were checked (no hasFile) keep their full credit", () => {
    expect(scoreProduct(lowProduct([{ type: "SOC2_TYPE_II", expiresAt: "2027-06-01" }])).parts.certifications.score).toBe(100);
  });
});
