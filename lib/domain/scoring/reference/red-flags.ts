/**
 * REFERENCE ONLY (issue 17): the scoring code as it stood before it was optimised, kept verbatim
 * as the oracle the optimised code is tested against (score-equivalence.test.ts, on many generated
 * inputs) and as the scoring benchmark's same-run baseline. The app never imports it.
 */
/**
 * Every red flag of PRODUCT.md, each with its trigger and the evidence it names. A red flag caps
 * the tier whatever the score.
 */
import { countingCertifications, isUnverifiedAudit, isValidOn } from "./counting-evidence";
import type { RedFlag, ScoringInput } from "../types";
const clause = (input: ScoringInput, id: keyof NonNullable<ScoringInput["dpa"]>["clauses"]) => input.dpa?.clauses[id] ?? "MISSING";

/** A SOC 2 Type II or ISO 27001 that counts, is valid today and has its document attached. */
export function validIndependentAudit(input: ScoringInput) {
  return countingCertifications(input.certifications).find((c) => (c.type === "SOC2_TYPE_II" || c.type === "ISO_27001") && isValidOn(c.expiresAt, input.asOf) && !isUnverifiedAudit(c)) ?? null;
}

export function redFlags(input: ScoringInput): RedFlag[] {
  const flags: RedFlag[] = [];
  const { product, dpa, asOf } = input;
  // Superseded records (an older certificate of the same type) raise nothing.
  const certifications = countingCertifications(input.certifications);
  const add = (id: string, severity: RedFlag["severity"], evidence: string) => flags.push({ id, severity, evidence });

  if (!dpa || !dpa.signedAt) add("NO_DPA", "critical", dpa ? "The current DPA has no signing date: it is not recorded as signed." : "No DPA is recorded for this product.");

  if (product.trainingPolicy === "YES_NO_OPT_OUT") add("TRAINS_ON_CUSTOMER_DATA", "critical", "The product trains on customer data with no opt-out.");
  else if (clause(input, "NO_TRAINING") === "MISSING" && product.trainingPolicy !== "NEVER") {
    add("TRAINS_ON_CUSTOMER_DATA", "critical", `The DPA has no no-training clause and the training policy is ${product.trainingPolicy.toLowerCase().replace(/_/g, " ")}.`);
  }

  if (input.useCase) {
    const required = input.useCase.residency;
    const transfer = dpa?.transferMechanism ?? "NONE";
    if (required !== "ANY" && !product.processingRegions.includes(required) && transfer === "NONE") {
      add("RESIDENCY_MISMATCH", "critical", `The client requires ${required}; the product processes in ${product.processingRegions.join(", ") || "unknown regions"} with no transfer mechanism (SCCs or DPF).`);
    }
    if (input.useCase.dataClasses.includes("PHI")) {
      const baa = certifications.find((c) => c.type === "HIPAA_BAA" && isValidOn(c.expiresAt, asOf));
      if (!baa) add("PHI_WITHOUT_BAA", "critical", "The use case carries PHI and no valid HIPAA BAA is recorded.");
    }
  }

  if (product.tier === "CONSUMER") add("CONSUMER_TIER", "high", "A consumer tier is used for business data.");
  if (product.processingRegions.length === 0) add("UNKNOWN_LOCATION", "high", "No processing region is known.");
  else if (clause(input, "LOCATION") === "MISSING") add("UNKNOWN_LOCATION", "high", "The DPA does not state where data is processed (LOCATION missing).");
  if (product.subProcessorCount === 0 && clause(input, "SUBPROCESSORS") === "MISSING") add("NO_SUBPROCESSOR_LIST", "high", "No sub-processors are recorded and the DPA has no sub-processor clause.");
  if (product.retentionKind !== "DAYS") add("UNLIMITED_RETENTION", "high", `Retention is ${product.retentionKind.toLowerCase()}.`);
  else if (clause(input, "RETENTION") === "MISSING") add("UNLIMITED_RETENTION", "high", "The DPA has no finite retention clause (RETENTION missing).");
  if (!validIndependentAudit(input)) {
    const unverified = certifications.filter((c) => isUnverifiedAudit(c) && isValidOn(c.expiresAt, asOf));
    add(
      "NO_INDEPENDENT_AUDIT",
      "high",
      unverified.length
        ? `${unverified.map((c) => (c.type === "SOC2_TYPE_II" ? "The SOC 2 Type II" : "The ISO 27001")).join(" and ")} is unverified: no report or certificate file is attached.`
        : "No valid SOC 2 Type II report or ISO 27001 certificate is recorded.",
    );
  }

  const hours = dpa?.breachNoticeHours ?? null;
  if (hours === null || hours > 72) add("SLOW_BREACH_NOTICE", "medium", hours === null ? "The breach-notice deadline is unstated." : `Breach notice within ${hours} hours, over GDPR's 72.`);

  const expired = [
    ...(dpa?.expiresAt && dpa.expiresAt < asOf ? [`the DPA (expired ${dpa.expiresAt})`] : []),
    ...certifications.filter((c) => c.expiresAt !== null && c.expiresAt < asOf).map((c) => `${c.type} (expired ${c.expiresAt})`),
  ];
  if (expired.length) add("EXPIRED_EVIDENCE", "medium", `Expired: ${expired.join(", ")}.`);
  return flags;
}

/** Each flag's name in a report or on screen. */
export const RED_FLAG_LABELS: Record<string, string> = {
  NO_DPA: "No signed DPA",
  TRAINS_ON_CUSTOMER_DATA: "Trains on customer data",
  RESIDENCY_MISMATCH: "Residency mismatch",
  PHI_WITHOUT_BAA: "PHI without BAA",
  CONSUMER_TIER: "Consumer tier",
  UNKNOWN_LOCATION: "Unknown processing location",
  UNLIMITED_RETENTION: "Unlimited retention",
  SLOW_BREACH_NOTICE: "Slow breach notice",
  NO_INDEPENDENT_AUDIT: "No independent audit",
  NO_SUBPROCESSOR_LIST: "No sub-processor list",
  EXPIRED_EVIDENCE: "Expired evidence",
};

export const redFlagLabel = (id: string) => RED_FLAG_LABELS[id] ?? id;
