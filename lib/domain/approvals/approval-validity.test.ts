import { describe, expect, it } from "vitest";
import { approvalValidity, nextReviewDate, reliedOnCertifications, statusShownForUseCase } from "./approval-validity";

const base = { decidedOn: "2026-11-23", tier: "LOW" as const, ownExpiry: null, dpa: null, certifications: [], exception: null };

describe("approval validity", () => {
  it.each([
    ["LOW", "2027-11-23"],
    ["MEDIUM", "2027-05-23"],
    ["HIGH", "2027-02-23"],
    ["CRITICAL", "2027-02-23"],
  ] as const)("a %s approval is reviewed on %s", (tier, date) => {
    expect(nextReviewDate("2026-11-23", tier)).toBe(date);
    expect(approvalValidity({ ...base, tier })).toMatchObject({ validUntil: date, nextReviewAt: date, why: expect.stringContaining(`${tier} tier`) });
  });

  it("is valid until the earliest of its own expiry, the review, the DPA, the certifications and the exception", () => {
    const input = {
      ...base,
      ownExpiry: "2027-09-01",
      dpa: { id: "d", label: "the DPA", expiresAt: "2027-06-30" },
      certifications: [
        { id: "c1", label: "SOC 2 Type II", expiresAt: "2027-03-31" },
        { id: "c2", label: "HIPAA BAA", expiresAt: null },
      ],
      exception: null,
    };
    expect(approvalValidity(input)).toEqual({ validUntil: "2027-03-31", why: "SOC 2 Type II expires", nextReviewAt: "2027-11-23" });
    expect(approvalValidity({ ...input, dpa: { id: "d", label: "the DPA", expiresAt: "2027-01-15" } }).why).toBe("the DPA expires");
    expect(approvalValidity({ ...input, exception: { expiresAt: "2026-12-31" } })).toMatchObject({ validUntil: "2026-12-31", why: "the risk exception expires" });
    expect(approvalValidity({ ...input, ownExpiry: "2026-12-01" })).toMatchObject({ validUntil: "2026-12-01", why: "the approval's own expiry" });
  });

  it("relies on the longest-lived independent audit, else the best other certificate, plus the BAA for PHI", () => {
    const certs = [
      { id: "soc-old", type: "SOC2_TYPE_II" as const, expiresAt: "2027-01-01" },
      { id: "iso", type: "ISO_27001" as const, expiresAt: "2028-01-01" },
      { id: "expired", type: "SOC2_TYPE_II" as const, expiresAt: "2026-01-01" },
      { id: "star", type: "CSA_STAR" as const, expiresAt: "2029-01-01" },
      { id: "baa", type: "HIPAA_BAA" as const, expiresAt: null },
    ];
    expect(reliedOnCertifications(certs, "2026-11-23", ["PII"]).map((c) => c.id)).toEqual(["iso"]);
    expect(reliedOnCertifications(certs, "2026-11-23", ["PHI"]).map((c) => c.id)).toEqual(["iso", "baa"]);
    expect(reliedOnCertifications(certs.filter((c) => c.id === "star" || c.id === "expired"), "2026-11-23", []).map((c) => c.id)).toEqual(["star"]);
    expect(reliedOnCertifications([], "2026-11-23", ["PHI"])).toEqual([]);
  });

  it("shows an approval past its valid-until as LAPSED, and nothing else", () => {
    expect(statusShownForUseCase("APPROVED", "2026-11-22", "2026-11-23")).toBe("LAPSED");
    expect(statusShownForUseCase("APPROVED_WITH_CONDITIONS", "2026-11-22", "2026-11-23")).toBe("LAPSED");
    expect(statusShownForUseCase("APPROVED", "2026-11-23", "2026-11-23")).toBe("APPROVED");
    expect(statusShownForUseCase("REJECTED", "2020-01-01", "2026-11-23")).toBe("REJECTED");
    expect(statusShownForUseCase("PROPOSED", null, "2026-11-23")).toBe("PROPOSED");
  });

  it("shows a suspended approval as SUSPENDED, before LAPSED; suspension means nothing once not approved", () => {
    expect(statusShownForUseCase("APPROVED", "2027-01-01", "2026-11-23", true)).toBe("SUSPENDED");
    expect(statusShownForUseCase("APPROVED", "2026-11-22", "2026-11-23", true)).toBe("SUSPENDED");
    expect(statusShownForUseCase("REJECTED", null, "2026-11-23", true)).toBe("REJECTED");
  });
});
