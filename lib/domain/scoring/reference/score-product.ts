/**
 * REFERENCE ONLY (issue 17): the scoring code as it stood before it was optimised, kept verbatim
 * as the oracle the optimised code is tested against (score-equivalence.test.ts, on many generated
 * inputs) and as the scoring benchmark's same-run baseline. The app never imports it.
 */
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
import { countingCertifications, isUnverifiedAudit, isValidOn } from "./counting-evidence";
import { redFlags, validIndependentAudit } from "./red-flags";
import { DEFAULT_WEIGHTS, type Contribution, type ScoreResult, type ScoringInput, type ScoringWeights } from "../types";

const CLAUSE_POINTS = { PRESENT: 1, PARTIAL: 0.5, MISSING: 0 } as const;

function dpaPart(input: ScoringInput, contributions: Contribution[]): number {
  let earned = 0;
  let possible = 0;
  for (const clause of DPA_CLAUSES) {
    const status = input.dpa?.clauses[clause] ?? "MISSING";
    if (status === "NOT_APPLICABLE") {
      contributions.push({ part: "dpa", item: clause, points: 0, of: 0, note: "Not applicable: left out", excluded: "NOT_APPLICABLE" });
      continue;
    }
    possible += 1;
    earned += CLAUSE_POINTS[status];
    contributions.push({ part: "dpa", item: clause, points: CLAUSE_POINTS[status], of: 1, note: input.dpa ? status.toLowerCase() : "no DPA" });
  }
  return possible === 0 ? 100 : (earned / possible) * 100;
}

function questionnairePart(input: ScoringInput, contributions: Contribution[]): number {
  const answers = input.questionnaire?.answers.filter((a) => a.weight > 0) ?? [];
  let earned = 0;
  let possible = 0;
  for (const a of answers) {
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

function certificationPart(input: ScoringInput, contributions: Contribution[]): number {
  const audit = validIndependentAudit(input);
  const counting = countingCertifications(input.certifications);
  for (const c of input.certifications.filter((x) => !counting.includes(x))) {
    contributions.push({ part: "certifications", item: c.type, points: 0, of: 0, note: `superseded by a newer ${c.type} record: left out`, excluded: "SUPERSEDED" });
  }
  if (audit) {
    contributions.push({ part: "certifications", item: audit.type, points: 1, of: 1, note: "valid independent audit" });
    return 100;
  }
  const valid = counting.filter((c) => isValidOn(c.expiresAt, input.asOf));
  const unverified = valid.find(isUnverifiedAudit);
  if (unverified) {
    contributions.push({ part: "certifications", item: unverified.type, points: 0.5, of: 1, note: "unverified: no report or certificate file attached (half credit)", unverified: true });
    return 50;
  }
  const other = valid[0];
  contributions.push({ part: "certifications", item: other?.type ?? "none", points: other ? 0.5 : 0, of: 1, note: other ? "valid, but not SOC 2 Type II or ISO 27001" : "no valid certification" });
  return other ? 50 : 0;
}

export function scoreProduct(input: ScoringInput, weights: ScoringWeights = DEFAULT_WEIGHTS, modelVersion = 1): ScoreResult {
  const contributions: Contribution[] = [];
  const parts = {
    dpa: { score: dpaPart(input, contributions), weight: weights.dpa },
    questionnaire: { score: questionnairePart(input, contributions), weight: weights.questionnaire },
    certifications: { score: certificationPart(input, contributions), weight: weights.certifications },
  };
  const totalWeight = weights.dpa + weights.questionnaire + weights.certifications;
  const raw = totalWeight === 0 ? 0 : (parts.dpa.score * weights.dpa + parts.questionnaire.score * weights.questionnaire + parts.certifications.score * weights.certifications) / totalWeight;
  const score = Math.max(0, Math.min(100, Math.round(raw)));
  const flags = redFlags(input);
  const has = (s: string) => flags.filter((f) => f.severity === s);
  let tier: ScoreResult["tier"];
  let tierReason: string;
  if (has("critical").length) [tier, tierReason] = ["CRITICAL", `Critical red flag: ${has("critical").map((f) => f.id).join(", ")}`];
  else if (has("high").length || score < 60) [tier, tierReason] = ["HIGH", has("high").length ? `High red flag: ${has("high").map((f) => f.id).join(", ")}` : `Score ${score} is under 60`];
  else if (has("medium").length || score < 80) [tier, tierReason] = ["MEDIUM", has("medium").length ? `Medium red flag: ${has("medium").map((f) => f.id).join(", ")}` : `Score ${score} is under 80`];
  else [tier, tierReason] = ["LOW", `Score ${score}, no red flags`];
  const rounded = Object.fromEntries(Object.entries(parts).map(([k, p]) => [k, { score: Math.round(p.score), weight: p.weight }])) as ScoreResult["parts"];
  return { modelVersion, score, tier, tierReason, parts: rounded, contributions, flags };
}
