import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CERTIFICATION_TYPES, CLAUSE_STATUSES, DPA_CLAUSES, PRODUCT_TIERS, RETENTION_KINDS, TRAINING_POLICIES, TRANSFER_MECHANISMS } from "@/lib/domain/vocabulary";
import { redFlags } from "./red-flags";
import { scoreProduct } from "./score-product";
import type { ScoringInput } from "./types";

const allPresent = Object.fromEntries(DPA_CLAUSES.map((c) => [c, "PRESENT"])) as NonNullable<ScoringInput["dpa"]>["clauses"];

/** A product with nothing wrong: every flag stays quiet. */
const clean = (): ScoringInput => ({
  asOf: "2026-11-23",
  product: { tier: "ENTERPRISE", processingRegions: ["EU", "US"], retentionKind: "DAYS", trainingPolicy: "NEVER", subProcessorCount: 3 },
  dpa: { signedAt: "2026-01-01", expiresAt: "2028-01-01", breachNoticeHours: 48, transferMechanism: "SCCS", clauses: { ...allPresent } },
  certifications: [{ type: "SOC2_TYPE_II", expiresAt: "2027-06-01" }],
  questionnaire: { answers: [{ key: "q1", prompt: "Q1", weight: 2, points: 100 }] },
  useCase: { residency: "EU", dataClasses: ["PII"] },
});

const ids = (input: ScoringInput) => redFlags(input).map((f) => f.id);
type Mutate = (i: ScoringInput) => void;

const FLAG_CASES: Array<[string, Mutate]> = [
  ["NO_DPA", (i) => void (i.dpa = null)],
  ["NO_DPA", (i) => void (i.dpa!.signedAt = null)],
  ["TRAINS_ON_CUSTOMER_DATA", (i) => void (i.product.trainingPolicy = "YES_NO_OPT_OUT")],
  [
    "TRAINS_ON_CUSTOMER_DATA",
    (i) => {
      i.product.trainingPolicy = "OPT_OUT_AVAILABLE";
      i.dpa!.clauses.NO_TRAINING = "MISSING";
    },
  ],
  [
    "RESIDENCY_MISMATCH",
    (i) => {
      i.useCase = { residency: "UK", dataClasses: [] };
      i.dpa!.transferMechanism = "NONE";
    },
  ],
  ["PHI_WITHOUT_BAA", (i) => void (i.useCase = { residency: "EU", dataClasses: ["PHI"] })],
  ["CONSUMER_TIER", (i) => void (i.product.tier = "CONSUMER")],
  ["UNKNOWN_LOCATION", (i) => void (i.product.processingRegions = [])],
  ["UNKNOWN_LOCATION", (i) => void (i.dpa!.clauses.LOCATION = "MISSING")],
  [
    "NO_SUBPROCESSOR_LIST",
    (i) => {
      i.product.subProcessorCount = 0;
      i.dpa!.clauses.SUBPROCESSORS = "MISSING";
    },
  ],
  ["UNLIMITED_RETENTION", (i) => void (i.product.retentionKind = "UNLIMITED")],
  ["UNLIMITED_RETENTION", (i) => void (i.product.retentionKind = "UNKNOWN")],
  ["UNLIMITED_RETENTION", (i) => void (i.dpa!.clauses.RETENTION = "MISSING")],
  ["NO_INDEPENDENT_AUDIT", (i) => void (i.certifications = [{ type: "SOC2_TYPE_I", expiresAt: null }])],
  ["NO_INDEPENDENT_AUDIT", (i) => void (i.certifications = [{ type: "ISO_27001", expiresAt: "2026-11-22" }])],
  ["SLOW_BREACH_NOTICE", (i) => void (i.dpa!.breachNoticeHours = 96)],
  ["SLOW_BREACH_NOTICE", (i) => void (i.dpa!.breachNoticeHours = null)],
  ["EXPIRED_EVIDENCE", (i) => void (i.dpa!.expiresAt = "2026-11-01")],
  ["EXPIRED_EVIDENCE", (i) => void i.certifications.push({ type: "ISO_27701", expiresAt: "2025-01-01" })],
];

const QUIET_CASES: Array<[string, Mutate]> = [
  ["TRAINS_ON_CUSTOMER_DATA", (i) => void (i.dpa!.clauses.NO_TRAINING = "MISSING")], // training NEVER: the missing clause alone does not fire
  ["TRAINS_ON_CUSTOMER_DATA", (i) => void (i.product.trainingPolicy = "OPT_OUT_AVAILABLE")], // the DPA forbids training
  ["RESIDENCY_MISMATCH", (i) => void (i.useCase = { residency: "UK", dataClasses: [] })], // SCCs cover the transfer
  ["RESIDENCY_MISMATCH", (i) => void (i.useCase = { residency: "ANY", dataClasses: [] })],
  ["PHI_WITHOUT_BAA", (i) => {
    i.useCase = { residency: "EU", dataClasses: ["PHI"] };
    i.certifications.push({ type: "HIPAA_BAA", expiresAt: null });
  }],
  ["NO_SUBPROCESSOR_LIST", (i) => void (i.product.subProcessorCount = 0)], // the clause is there
  ["SLOW_BREACH_NOTICE", (i) => void (i.dpa!.breachNoticeHours = 72)],
  ["EXPIRED_EVIDENCE", (i) => void (i.dpa!.expiresAt = "2026-11-23")], // valid through its expiry day
];

describe("red flags", () => {
  it("none fire for a clean product", () => {
    expect(ids(clean())).toEqual([]);
  });
  it.each(FLAG_CASES)("%s fires", (id, mutate) => {
    const input = clean();
    mutate(input);
    expect(ids(input)).toContain(id);
    expect(redFlags(input).find((f) => f.id === id)?.evidence.length).toBeGreaterThan(10);
  });
  it.each(QUIET_CASES)("%s stays quiet when its trigger is not met", (id, mutate) => {
    const input = clean();
    mutate(input);
    expect(ids(input)).not.toContain(id);
  });
  it("per-use-case flags only fire for a use case", () => {
    const input = clean();
    input.useCase = null;
    input.dpa!.transferMechanism = "NONE";
    expect(ids(input)).toEqual([]);
  });
});

describe("score", () => {
  it("weights the three parts 40/40/20 and explains every point", () => {
    const input = clean();
    input.dpa!.clauses = { ...allPresent, AUDIT_RIGHTS: "PARTIAL", PORTABILITY_EXIT: "MISSING", DATA_CATEGORIES: "NOT_APPLICABLE" };
    input.questionnaire = { answers: [{ key: "a", prompt: "A", weight: 3, points: 100 }, { key: "b", prompt: "B", weight: 1, points: 0 }] };
    input.certifications = [{ type: "SOC2_TYPE_I", expiresAt: null }];
    const result = scoreProduct(input);
    // DPA (9 present + 1 partial) / 11 counted = 86.36; questionnaire 3/4 = 75; certifications 50
    // → (86.36·40 + 75·40 + 50·20) / 100 = 74.55
    expect(result.parts).toEqual({ dpa: { score: 86, weight: 40 }, questionnaire: { score: 75, weight: 40 }, certifications: { score: 50, weight: 20 } });
    expect(result.score).toBe(75);
    expect(result.contributions.find((c) => c.item === "AUDIT_RIGHTS")).toMatchObject({ points: 0.5, of: 1 });
    expect(result.contributions.find((c) => c.item === "DATA_CATEGORIES")).toMatchObject({ of: 0 });
    expect(result.tier).toBe("HIGH"); // Type I only: NO_INDEPENDENT_AUDIT is a high flag
  });
  it("tiers by flags and thresholds", () => {
    expect(scoreProduct(clean()).tier).toBe("LOW");
    const medium = clean();
    medium.dpa!.breachNoticeHours = null;
    expect(scoreProduct(medium)).toMatchObject({ tier: "MEDIUM", tierReason: expect.stringContaining("SLOW_BREACH_NOTICE") });
    const low = clean();
    low.questionnaire = { answers: [{ key: "a", prompt: "A", weight: 1, points: 0 }] };
    expect(scoreProduct(low)).toMatchObject({ score: 60, tier: "MEDIUM", tierReason: "Score 60 is under 80" });
    expect(scoreProduct({ ...clean(), dpa: null }).tier).toBe("CRITICAL");
  });
  it("uses configured weights", () => {
    const input = clean();
    input.questionnaire = null;
    expect(scoreProduct(input, { dpa: 50, questionnaire: 0, certifications: 50 }).score).toBe(100);
    expect(scoreProduct(input).score).toBe(60);
  });
});

const clauseStatus = fc.constantFrom(...CLAUSE_STATUSES);
const arbitraryInput: fc.Arbitrary<ScoringInput> = fc.record({
  asOf: fc.constant("2026-11-23"),
  product: fc.record({
    tier: fc.constantFrom(...PRODUCT_TIERS),
    processingRegions: fc.subarray(["EU", "US", "UK", "APAC"]),
    retentionKind: fc.constantFrom(...RETENTION_KINDS),
    trainingPolicy: fc.constantFrom(...TRAINING_POLICIES),
    subProcessorCount: fc.nat(5),
  }),
  dpa: fc.option(
    fc.record({
      signedAt: fc.option(fc.constant("2026-01-01"), { nil: null }),
      expiresAt: fc.option(fc.constantFrom("2025-01-01", "2028-01-01"), { nil: null }),
      breachNoticeHours: fc.option(fc.nat(200), { nil: null }),
      transferMechanism: fc.constantFrom(...TRANSFER_MECHANISMS),
      clauses: fc.record(Object.fromEntries(DPA_CLAUSES.map((c) => [c, clauseStatus])) as Record<(typeof DPA_CLAUSES)[number], fc.Arbitrary<(typeof CLAUSE_STATUSES)[number]>>),
    }),
    { nil: null },
  ),
  certifications: fc.array(fc.record({ type: fc.constantFrom(...CERTIFICATION_TYPES), expiresAt: fc.option(fc.constantFrom("2025-01-01", "2027-01-01"), { nil: null }) }), { maxLength: 4 }),
  questionnaire: fc.option(fc.record({ answers: fc.array(fc.record({ key: fc.string(), prompt: fc.string(), weight: fc.nat(10), points: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }) }), { maxLength: 8 }) }), { nil: null }),
  useCase: fc.option(fc.record({ residency: fc.constantFrom("EU" as const, "US" as const, "UK" as const, "ANY" as const), dataClasses: fc.subarray(["PII" as const, "PHI" as const, "PCI" as const]) }), { nil: null }),
});
const weights = fc.record({ dpa: fc.nat(100), questionnaire: fc.nat(100), certifications: fc.nat(100) });

describe("score properties", () => {
  it("stays within 0–100", () => {
    fc.assert(fc.property(arbitraryInput, weights, (input, w) => {
      const { score } = scoreProduct(input, w);
      return Number.isInteger(score) && score >= 0 && score <= 100;
    }));
  });
  it("never drops when a clause goes from MISSING to PRESENT", () => {
    fc.assert(
      fc.property(arbitraryInput, weights, fc.constantFrom(...DPA_CLAUSES), (input, w, clause) => {
        if (!input.dpa) return true;
        const before = scoreProduct({ ...input, dpa: { ...input.dpa, clauses: { ...input.dpa.clauses, [clause]: "MISSING" } } }, w);
        const after = scoreProduct({ ...input, dpa: { ...input.dpa, clauses: { ...input.dpa.clauses, [clause]: "PRESENT" } } }, w);
        return after.score >= before.score;
      }),
    );
  });
  it("gives CRITICAL whenever a critical flag fires", () => {
    fc.assert(fc.property(arbitraryInput, (input) => {
      const result = scoreProduct(input);
      return result.flags.some((f) => f.severity === "critical") === (result.tier === "CRITICAL");
    }));
  });
});
