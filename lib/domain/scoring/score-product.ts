/**
 * Scoring model (PRODUCT.md): three parts, each 0–100, weighted (default 40/40/20):
 * DPA checklist (PRESENT full, PARTIAL half, MISSING none, NOT_APPLICABLE out of the
 * denominator), questionnaire (answer points over answerable weight), certifications (valid SOC 2
 * Type II or ISO 27001 full; unverified (no file), Type I or other half; none zero; only evidence
 * that counts, see counting-evidence.ts). Tier: CRITICAL on any critical flag,
 * else HIGH on a high flag or score < 60, else MEDIUM on a medium flag or score < 80, else LOW.
 * Every point is listed in `contributions`, so screens and reports can say why.
 */
import { DPA_CLAUSES } from "@/lib/domain/vocabulary";
import { countingCertifications, isUnverifiedAudit, isValidOn, type CertificationEvidence } from "./counting-evidence";
import { independentAuditAmong, redFlagsWith } from "./red-flags";
import { DEFAULT_WEIGHTS, type Contribution, type RedFlag, type ScoreResult, type ScoringInput, type ScoringWeights } from "./types";

const CLAUSE_POINTS = { PRESENT: 1, PARTIAL: 0.5, MISSING: 0 } as const;
/** The contribution note of each status (status.toLowerCase(), worked out once). */
const CLAUSE_NOTES = { PRESENT: "present", PARTIAL: "partial", MISSING: "missing" } as const;

function dpaPart(input: ScoringInput, contributions: Contribution[]): number {
  let earned = 0;
  let possible = 0;
  const dpa = input.dpa;
  for (const clause of DPA_CLAUSES) {
    const status = dpa?.clauses[clause] ?? "MISSING";
    if (status === "NOT_APPLICABLE") {
      contributions.push({ part: "dpa", item: clause, points: 0, of: 0, note: "Not applicable: left out", excluded: "NOT_APPLICABLE" });
      continue;
    }
    possible += 1;
    earned += CLAUSE_POINTS[status];
    contributions.push({ part: "dpa", item: clause, points: CLAUSE_POINTS[status], of: 1, note: dpa ? (CLAUSE_NOTES[status] ?? status.toLowerCase()) : "no DPA" });
  }
  return possible === 0 ? 100 : (earned / possible) * 100;
}

function questionnairePart(input: ScoringInput, contributions: Contribution[]): number {
  let earned = 0;
  let possible = 0;
  for (const a of input.questionnaire?.answers ?? []) {
    if (!(a.weight > 0)) continue;
    if (a.status === "NOT_ASKED") {
      contributions.push({ part: "questionnaire", item: a.key, points: 0, of: 0, note: "not asked (hidden by its show-when rule): left out", excluded: "NOT_ASKED" });
      continue;
    }
    if (a.status === "NO_BANDS") {
      contributions.push({ part: "questionnaire", item: a.key, points: 0, of: 0, note: "weighs nothing: a number question with no scoring bands", excluded: "NO_BANDS" });
      continue;
    }
    const points = ((a.points ?? 0) / 100) * a.weight;
    earned += points;
    possible += a.weight;
    contributions.push({ part: "questionnaire", item: a.key, points, of: a.weight, note: a.points === null ? "unanswered" : `${a.points}% of its weight` });
  }
  if (possible === 0) {
    contributions.push({ part: "questionnaire", item: "questionnaire", points: 0, of: 1, note: input.questionnaire ? "no scored questions" : "no submitted assessment" });
    return 0;
  }
  return (earned / possible) * 100;
}

function certificationPart(input: ScoringInput, counting: CertificationEvidence[], audit: CertificationEvidence | null, contributions: Contribution[]): number {
  if (counting.length !== input.certifications.length) {
    const counts = new Set(counting);
    for (const c of input.certifications) {
      if (!counts.has(c)) contributions.push({ part: "certifications", item: c.type, points: 0, of: 0, note: `superseded by a newer ${c.type} record: left out`, excluded: "SUPERSEDED" });
    }
  }
  if (audit) {
    contributions.push({ part: "certifications", item: audit.type, points: 1, of: 1, note: "valid independent audit" });
    return 100;
  }
  let unverified: CertificationEvidence | undefined;
  let other: CertificationEvidence | undefined;
  for (const c of counting) {
    if (!isValidOn(c.expiresAt, input.asOf)) continue;
    other ??= c;
    if (isUnverifiedAudit(c)) {
      unverified = c;
      break;
    }
  }
  if (unverified) {
    contributions.push({ part: "certifications", item: unverified.type, points: 0.5, of: 1, note: "unverified: no report or certificate file attached (half credit)", unverified: true });
    return 50;
  }
  contributions.push({ part: "certifications", item: other?.type ?? "none", points: other ? 0.5 : 0, of: 1, note: other ? "valid, but not SOC 2 Type II or ISO 27001" : "no valid certification" });
  return other ? 50 : 0;
}

/** The ids of the flags of one severity, joined for the tier's reason. */
function idsOf(flags: RedFlag[], severity: RedFlag["severity"]): string {
  let ids = "";
  for (const f of flags) if (f.severity === severity) ids = ids ? `${ids}, ${f.id}` : f.id;
  return ids;
}

export function scoreProduct(input: ScoringInput, weights: ScoringWeights = DEFAULT_WEIGHTS, modelVersion = 1): ScoreResult {
  const contributions: Contribution[] = [];
  // Which certifications count, and the valid independent audit among them, are needed by both
  // the certification part and the red flags: worked out once.
  const counting = countingCertifications(input.certifications);
  const audit = independentAuditAmong(counting, input.asOf);
  const dpa = dpaPart(input, contributions);
  const questionnaire = questionnairePart(input, contributions);
  const certifications = certificationPart(input, counting, audit, contributions);
  const totalWeight = weights.dpa + weights.questionnaire + weights.certifications;
  const raw = totalWeight === 0 ? 0 : (dpa * weights.dpa + questionnaire * weights.questionnaire + certifications * weights.certifications) / totalWeight;
  const score = Math.max(0, Math.min(100, Math.round(raw)));
  const flags = redFlagsWith(input, counting, audit);
  const critical = idsOf(flags, "critical");
  const high = idsOf(flags, "high");
  const medium = idsOf(flags, "medium");
  let tier: ScoreResult["tier"];
  let tierReason: string;
  if (critical) [tier, tierReason] = ["CRITICAL", `Critical red flag: ${critical}`];
  else if (high || score < 60) [tier, tierReason] = ["HIGH", high ? `High red flag: ${high}` : `Score ${score} is under 60`];
  else if (medium || score < 80) [tier, tierReason] = ["MEDIUM", medium ? `Medium red flag: ${medium}` : `Score ${score} is under 80`];
  else [tier, tierReason] = ["LOW", `Score ${score}, no red flags`];
  const parts: ScoreResult["parts"] = {
    dpa: { score: Math.round(dpa), weight: weights.dpa },
    questionnaire: { score: Math.round(questionnaire), weight: weights.questionnaire },
    certifications: { score: Math.round(certifications), weight: weights.certifications },
  };
  return { modelVersion, score, tier, tierReason, parts, contributions, flags };
}
