/**
 * Every red flag of PRODUCT.md, each with its trigger and the evidence it names. A red flag caps
 * the tier whatever the score.
 */
import { countingCertifications, isUnverifiedAudit, isValidOn, type CertificationEvidence } from "./counting-evidence";
import type { RedFlag, ScoringInput } from "./types";
const clause = (input: ScoringInput, id: keyof NonNullable<ScoringInput["dpa"]>["clauses"]) => input.dpa?.clauses[id] ?? "MISSING";

/** A SOC 2 Type II or ISO 27001 that counts, is valid today and has its document attached. */
export function validIndependentAudit(input: ScoringInput) {
  return independentAuditAmong(countingCertifications(input.certifications), input.asOf);
}

/** validIndependentAudit, from the counting records already worked out (scoreProduct needs them three times). */
export function independentAuditAmong<T extends CertificationEvidence>(counting: T[], asOf: string): T | null {
  for (const c of counting) if ((c.type === "SOC2_TYPE_II" || c.type === "ISO_27001") && isValidOn(c.expiresAt, asOf) && !isUnverifiedAudit(c)) return c;
  return null;
}

export function redFlags(input: ScoringInput): RedFlag[] {
  const counting = countingCertifications(input.certifications);
  return redFlagsWith(input, counting, independentAuditAmong(counting, input.asOf));
}

/*
 * Issue 17: a flag whose evidence is a fixed sentence is built once and shared between results
 * (frozen, so no reader can change it for the others); evidence naming the product's own values
 * is written per product. No closures in here: it runs for every product of a rescoring.
 */
const flag = (id: string, severity: RedFlag["severity"], evidence: string): RedFlag => Object.freeze({ id, severity, evidence });
const NO_DPA = flag("NO_DPA", "critical", "No DPA is recorded for this product.");
const UNSIGNED_DPA = flag("NO_DPA", "critical", "The current DPA has no signing date: it is not recorded as signed.");
const TRAINS_NO_OPT_OUT = flag("TRAINS_ON_CUSTOMER_DATA", "critical", "The product trains on customer data with no opt-out.");
const PHI_WITHOUT_BAA = flag("PHI_WITHOUT_BAA", "critical", "The use case carries PHI and no valid HIPAA BAA is recorded.");
const CONSUMER_TIER = flag("CONSUMER_TIER", "high", "A consumer tier is used for business data.");
const NO_REGION = flag("UNKNOWN_LOCATION", "high", "No processing region is known.");
const NO_LOCATION_CLAUSE = flag("UNKNOWN_LOCATION", "high", "The DPA does not state where data is processed (LOCATION missing).");
const NO_SUBPROCESSOR_LIST = flag("NO_SUBPROCESSOR_LIST", "high", "No sub-processors are recorded and the DPA has no sub-processor clause.");
const NO_RETENTION_CLAUSE = flag("UNLIMITED_RETENTION", "high", "The DPA has no finite retention clause (RETENTION missing).");
const NO_AUDIT = flag("NO_INDEPENDENT_AUDIT", "high", "No valid SOC 2 Type II report or ISO 27001 certificate is recorded.");
const UNSTATED_BREACH_NOTICE = flag("SLOW_BREACH_NOTICE", "medium", "The breach-notice deadline is unstated.");
/** Per training policy / retention kind, the flag naming it (built on first use). */
const trainingFlags = new Map<string, RedFlag>();
const retentionFlags = new Map<string, RedFlag>();

/** redFlags with the counting certifications and the valid independent audit worked out once by the caller. */
export function redFlagsWith(input: ScoringInput, counting: CertificationEvidence[], audit: CertificationEvidence | null): RedFlag[] {
  const flags: RedFlag[] = [];
  const { product, dpa, asOf } = input;
  // Superseded records (an older certificate of the same type) raise nothing.
  const certifications = counting;

  if (!dpa || !dpa.signedAt) flags.push(dpa ? UNSIGNED_DPA : NO_DPA);

  if (product.trainingPolicy === "YES_NO_OPT_OUT") flags.push(TRAINS_NO_OPT_OUT);
  else if (clause(input, "NO_TRAINING") === "MISSING" && product.trainingPolicy !== "NEVER") {
    let found = trainingFlags.get(product.trainingPolicy);
    if (!found) {
      found = flag("TRAINS_ON_CUSTOMER_DATA", "critical", `The DPA has no no-training clause and the training policy is ${product.trainingPolicy.toLowerCase().replace(/_/g, " ")}.`);
      if (trainingFlags.size < 64) trainingFlags.set(product.trainingPolicy, found);
    }
    flags.push(found);
  }

  if (input.useCase) {
    const required = input.useCase.residency;
    const transfer = dpa?.transferMechanism ?? "NONE";
    if (required !== "ANY" && !product.processingRegions.includes(required) && transfer === "NONE") {
      flags.push({ id: "RESIDENCY_MISMATCH", severity: "critical", evidence: `The client requires ${required}; the product processes in ${product.processingRegions.join(", ") || "unknown regions"} with no transfer mechanism (SCCs or DPF).` });
    }
    if (input.useCase.dataClasses.includes("PHI")) {
      let baa = false;
      for (const c of certifications) if (c.type === "HIPAA_BAA" && isValidOn(c.expiresAt, asOf)) baa = true;
      if (!baa) flags.push(PHI_WITHOUT_BAA);
    }
  }

  if (product.tier === "CONSUMER") flags.push(CONSUMER_TIER);
  if (product.processingRegions.length === 0) flags.push(NO_REGION);
  else if (clause(input, "LOCATION") === "MISSING") flags.push(NO_LOCATION_CLAUSE);
  if (product.subProcessorCount === 0 && clause(input, "SUBPROCESSORS") === "MISSING") flags.push(NO_SUBPROCESSOR_LIST);
  if (product.retentionKind !== "DAYS") {
    let found = retentionFlags.get(product.retentionKind);
    if (!found) {
      found = flag("UNLIMITED_RETENTION", "high", `Retention is ${product.retentionKind.toLowerCase()}.`);
      if (retentionFlags.size < 64) retentionFlags.set(product.retentionKind, found);
    }
    flags.push(found);
  } else if (clause(input, "RETENTION") === "MISSING") flags.push(NO_RETENTION_CLAUSE);
  if (!audit) {
    let unverified: string[] | null = null;
    for (const c of certifications) if (isUnverifiedAudit(c) && isValidOn(c.expiresAt, asOf)) (unverified ??= []).push(c.type === "SOC2_TYPE_II" ? "The SOC 2 Type II" : "The ISO 27001");
    flags.push(unverified ? { id: "NO_INDEPENDENT_AUDIT", severity: "high", evidence: `${unverified.join(" and ")} is unverified: no report or certificate file is attached.` } : NO_AUDIT);
  }

  const hours = dpa?.breachNoticeHours ?? null;
  if (hours === null) flags.push(UNSTATED_BREACH_NOTICE);
  else if (hours > 72) flags.push({ id: "SLOW_BREACH_NOTICE", severity: "medium", evidence: `Breach notice within ${hours} hours, over GDPR's 72.` });

  let expired: string[] | null = null;
  if (dpa?.expiresAt && dpa.expiresAt < asOf) expired = [`the DPA (expired ${dpa.expiresAt})`];
  for (const c of certifications) if (c.expiresAt !== null && c.expiresAt < asOf) (expired ??= []).push(`${c.type} (expired ${c.expiresAt})`);
  if (expired) flags.push({ id: "EXPIRED_EVIDENCE", severity: "medium", evidence: `Expired: ${expired.join(", ")}.` });
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
