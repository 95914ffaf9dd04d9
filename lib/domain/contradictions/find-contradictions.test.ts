import { describe, expect, it } from "vitest";
import { DPA_CLAUSES } from "@/lib/domain/vocabulary";
import { findContradictions, sidesOf } from "./find-contradictions";
import type { ContradictionInput, ContradictionQuestion } from "./types";

const yesNo = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];
const q = (key: string, extra: Partial<ContradictionQuestion> = {}): ContradictionQuestion => ({ key, prompt: `Q ${key}`, type: "YES_NO", required: true, visibility: null, options: yesNo, productFact: null, ...extra });

/** The default questionnaire's questions that rules look at (same keys, links and show-when). */
const QUESTIONS: ContradictionQuestion[] = [
  q("trains_on_customer_data", { productFact: "trainingPolicy" }),
  q("training_opt_out", { visibility: { questionKey: "trains_on_customer_data", equals: "yes" } }),
  q("processing_regions", { type: "MULTI_CHOICE", options: [{ value: "EU", label: "European Union" }, { value: "US", label: "United States" }], productFact: "processingRegions" }),
  q("transfer_mechanism", { type: "SINGLE_CHOICE", options: [{ value: "SCCS", label: "Standard Contractual Clauses" }, { value: "DPF", label: "DPF" }, { value: "NONE", label: "None" }] }),
  q("encryption_at_rest", { productFact: "encryptionAtRest" }),
  q("soc2_type2"),
  q("iso27001"),
  q("retention_days", { type: "NUMBER", options: null, productFact: "retentionDays" }),
  q("breach_notice_hours", { type: "NUMBER", options: null, productFact: "breachNoticeHours" }),
  q("subprocessor_list_published"),
  q("dpa_signed"),
  q("data_ownership"),
  q("audit_rights"),
  q("baa_available", { required: false }),
];

const present = Object.fromEntries(DPA_CLAUSES.map((c) => [c, { status: "PRESENT", evidence: "§1" }])) as NonNullable<ContradictionInput["dpa"]>["clauses"];

/** Everything agrees: answers, product record, DPA and certifications. */
const agreeing = (): ContradictionInput => ({
  asOf: "2026-12-04",
  questions: QUESTIONS,
  answers: { trains_on_customer_data: "no", processing_regions: ["EU"], transfer_mechanism: "SCCS", encryption_at_rest: "yes", soc2_type2: "yes", iso27001: "no", retention_days: 30, breach_notice_hours: 48, subprocessor_list_published: "yes", dpa_signed: "yes", data_ownership: "yes", audit_rights: "yes", baa_available: "no" },
  product: { trainingPolicy: "NEVER", retentionKind: "DAYS", retentionDays: 30, processingRegions: ["EU"], zeroRetentionAvailable: false, encryptionInTransit: true, encryptionAtRest: true, breachNoticeHours: 48, subProcessorCount: 2 },
  dpa: { signed: true, transferMechanism: "SCCS", breachNoticeHours: 48, clauses: structuredClone(present) },
  certifications: [{ type: "SOC2_TYPE_II", issuedAt: "2026-01-01", expiresAt: "2027-01-01", hasFile: true }],
});

const keys = (input: ContradictionInput) => findContradictions(input).map((c) => c.key);

describe("contradictions", () => {
  it("finds none when answers, product, DPA and evidence agree", () => {
    expect(findContradictions(agreeing())).toEqual([]);
  });

  it("BAA claimed in the answers with no valid HIPAA BAA recorded, naming both sides", () => {
    const input = agreeing();
    input.answers.baa_available = "yes";
    const [found] = findContradictions(input);
    expect(found).toMatchObject({ key: "certificate:baa_available", left: { source: "answer", value: "Yes" }, right: { source: "evidence", value: "No valid HIPAA BAA recorded" } });
    input.certifications.push({ type: "HIPAA_BAA", issuedAt: "2025-01-01", expiresAt: "2026-01-01" });
    expect(keys(input)).toEqual(["certificate:baa_available"]); // expired: still no valid BAA
    input.certifications.push({ type: "HIPAA_BAA", issuedAt: "2026-01-01", expiresAt: null });
    expect(keys(input)).toEqual([]);
  });

  it("ISO 27001 'yes' with no ISO certificate; SOC 2 'yes' when only a superseded SOC 2 is valid", () => {
    const input = agreeing();
    input.answers.iso27001 = "yes";
    input.certifications = [
      { type: "SOC2_TYPE_II", issuedAt: "2026-01-01", expiresAt: "2026-06-01" },
      { type: "SOC2_TYPE_II", issuedAt: "2024-01-01", expiresAt: "2030-01-01" },
    ];
    expect(keys(input)).toEqual(["certificate:iso27001", "certificate:soc2_type2"]);
  });

  it("retention answered 30 days while the product's retention is unknown and the DPA has no RETENTION clause", () => {
    const input = agreeing();
    input.product.retentionKind = "UNKNOWN";
    input.product.retentionDays = null;
    input.dpa!.clauses.RETENTION = { status: "MISSING", evidence: null };
    const found = findContradictions(input);
    expect(found.map((c) => c.key)).toEqual(["fact:retention_days", "dpa:retention"]);
    expect(found[0]).toMatchObject({ left: { value: "30" }, right: { source: "product", label: "Retention", value: "Unknown" } });
  });

  it("training: 'No' in the answers while the product record says opt-out available; the opt-out answer against the policy", () => {
    const input = agreeing();
    input.product.trainingPolicy = "OPT_OUT_AVAILABLE";
    expect(findContradictions(input)[0]).toMatchObject({ key: "fact:trains_on_customer_data", left: { value: "No" }, right: { value: "Opt-out available" } });
    input.answers.trains_on_customer_data = "yes";
    input.answers.training_opt_out = "no";
    expect(keys(input)).toEqual(["training_opt_out"]);
    // Hidden questions were not asked: their stale answers contradict nothing.
    input.answers.trains_on_customer_data = "no";
    input.product.trainingPolicy = "NEVER";
    expect(keys(input)).toEqual([]);
  });

  it("LOCATION evidence naming SCCs while the transfer mechanism says none, and the transfer answer against the DPA", () => {
    const input = agreeing();
    input.dpa!.transferMechanism = "NONE";
    input.dpa!.clauses.LOCATION = { status: "PRESENT", evidence: "§9: transfers under the EU Standard Contractual Clauses (Module 2)" };
    expect(keys(input)).toEqual(["dpa:location_transfer", "transfer_mechanism"]);
    input.dpa!.clauses.LOCATION = { status: "PRESENT", evidence: "§9: SCCs" };
    input.answers.transfer_mechanism = "NONE";
    expect(keys(input)).toEqual(["dpa:location_transfer"]);
  });

  it("fact-linked answers: regions, encryption, and the breach deadline against the DPA", () => {
    const input = agreeing();
    input.answers.processing_regions = ["EU", "US"];
    input.product.encryptionAtRest = null;
    input.product.breachNoticeHours = 96;
    expect(keys(input)).toEqual(["fact:processing_regions", "fact:encryption_at_rest", "fact:breach_notice_hours"]);
    expect(findContradictions(input)[2]!.right).toMatchObject({ source: "dpa", value: "96 hours" });
  });

  it("contract claims against missing clauses, the DPA itself and the sub-processor list", () => {
    const input = agreeing();
    input.dpa!.clauses.AUDIT_RIGHTS = { status: "MISSING", evidence: null };
    input.dpa!.clauses.BREACH_NOTIFICATION = { status: "MISSING", evidence: null };
    input.dpa!.clauses.SUBPROCESSORS = { status: "MISSING", evidence: null };
    input.product.subProcessorCount = 0;
    expect(keys(input)).toEqual(["clause:audit_rights", "clause:breach_notice_hours", "subprocessor_list"]);
    input.dpa = null;
    input.product.breachNoticeHours = null;
    expect(keys(input)).toEqual(expect.arrayContaining(["dpa_signed", "transfer_mechanism", "dpa:retention", "fact:breach_notice_hours", "subprocessor_list"]));
  });

  it("an acknowledgement's sides change when either side changes", () => {
    const input = agreeing();
    input.answers.iso27001 = "yes";
    const before = sidesOf(findContradictions(input)[0]!);
    input.answers.trains_on_customer_data = "no";
    expect(sidesOf(findContradictions(input)[0]!)).toBe(before);
    const retention = agreeing();
    retention.product.retentionDays = 60;
    const a = sidesOf(findContradictions(retention)[0]!);
    retention.product.retentionDays = 90;
    expect(sidesOf(findContradictions(retention)[0]!)).not.toBe(a);
  });
});
