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
import { DEFAULT_WEIGHTS, type Contribution, type QuestionnaireAnswerScore, type RedFlag, type ScoreResult, type ScoringInput, type ScoringWeights } from "./types";

const CLAUSE_POINTS = { PRESENT: 1, PARTIAL: 0.5, MISSING: 0 } as const;
/** The contribution note of each status (status.toLowerCase(), worked out once). */
const CLAUSE_NOTES = { PRESENT: "present", PARTIAL: "partial", MISSING: "missing" } as const;

/*
 * Issue 17: rescoring an organisation builds tens of thousands of results, and most of what a
 * result lists is one of a few fixed lines (clause X present, question Y answered at 50 %, …).
 * Those lines are built once and shared between results, frozen so that no reader can change
 * one result through another; a line that depends on free input is still built per result.
 */
const line = (c: Contribution): Contribution => Object.freeze(c);
type ClauseLines = { PRESENT: Contribution; PARTIAL: Contribution; MISSING: Contribution; NOT_APPLICABLE: Contribution };
const CLAUSE_LINES: ClauseLines[] = DPA_CLAUSES.map((item) => ({
  PRESENT: line({ part: "dpa", item, points: 1, of: 1, note: "present" }),
  PARTIAL: line({ part: "dpa", item, points: 0.5, of: 1, note: "partial" }),
  MISSING: line({ part: "dpa", item, points: 0, of: 1, note: "missing" }),
  NOT_APPLICABLE: line({ part: "dpa", item, points: 0, of: 0, note: "Not applicable: left out", excluded: "NOT_APPLICABLE" }),
}));
const NO_DPA_LINES: Contribution[] = DPA_CLAUSES.map((item) => line({ part: "dpa", item, points: 0, of: 1, note: "no DPA" }));

function dpaPart(input: ScoringInput, contributions: Contribution[]): number {
  const dpa = input.dpa;
  if (!dpa) {
    for (let i = 0; i < NO_DPA_LINES.length; i++) contributions.push(NO_DPA_LINES[i]!);
    return 0;
  }
  let earned = 0;
  let possible = 0;
  const clauses = dpa.clauses;
  for (let i = 0; i < DPA_CLAUSES.length; i++) {
    const clause = DPA_CLAUSES[i]!;
    const status = clauses[clause] ?? "MISSING";
    const known = CLAUSE_LINES[i]![status];
    if (status === "NOT_APPLICABLE") {
      contributions.push(known);
      continue;
    }
    possible += 1;
    earned += CLAUSE_POINTS[status];
    // A status outside the vocabulary (a hand-edited snapshot) is listed as it always was.
    contributions.push(known ?? { part: "dpa", item: clause, points: CLAUSE_POINTS[status], of: 1, note: CLAUSE_NOTES[status] ?? String(status).toLowerCase() });
  }
  return possible === 0 ? 100 : (earned / possible) * 100;
}

/**
 * Each answer's line, kept beside the answer when the answer is itself a shared one (scoreAnswers
 * shares its results the same way, so a template version's lines are built once per points value).
 */
const answerLines = new WeakMap<QuestionnaireAnswerScore, Contribution>();

function answerLine(a: QuestionnaireAnswerScore): Contribution {
  if (a.status === "NOT_ASKED") return { part: "questionnaire", item: a.key, points: 0, of: 0, note: "not asked (hidden by its show-when rule): left out", excluded: "NOT_ASKED" };
  if (a.status === "NO_BANDS") return { part: "questionnaire", item: a.key, points: 0, of: 0, note: "weighs nothing: a number question with no scoring bands", excluded: "NO_BANDS" };
  return { part: "questionnaire", item: a.key, points: ((a.points ?? 0) / 100) * a.weight, of: a.weight, note: a.points === null ? "unanswered" : `${a.points}% of its weight` };
}

function questionnairePart(input: ScoringInput, contributions: Contribution[]): number {
  let earned = 0;
  let possible = 0;
  const answers = input.questionnaire?.answers;
  if (answers) {
    for (let i = 0; i < answers.length; i++) {
      const a = answers[i]!;
      if (!(a.weight > 0)) continue;
      let found = answerLines.get(a);
      if (!found) {
        found = answerLine(a);
        if (Object.isFrozen(a)) answerLines.set(a, line(found));
      }
      contributions.push(found);
      if (a.status === "NOT_ASKED" || a.status === "NO_BANDS") continue;
      // The same sum as the line's points (computed the same way), so the float is identical.
      earned += found.points;
      possible += a.weight;
    }
  }
  if (possible === 0) {
    contributions.push(input.questionnaire ? NO_SCORED_QUESTIONS : NO_ASSESSMENT);
    return 0;
  }
  return (earned / possible) * 100;
}
const NO_SCORED_QUESTIONS = line({ part: "questionnaire", item: "questionnaire", points: 0, of: 1, note: "no scored questions" });
const NO_ASSESSMENT = line({ part: "questionnaire", item: "questionnaire", points: 0, of: 1, note: "no submitted assessment" });

type Outcome = "superseded" | "audit" | "unverified" | "other";
/** One shared line per certification type and outcome, built on first use. */
const certificationLines = new Map<string, Partial<Record<Outcome, Contribution>>>();
function certificationLine(outcome: Outcome, type: string): Contribution {
  let lines = certificationLines.get(type);
  if (!lines) certificationLines.set(type, (lines = {}));
  return (lines[outcome] ??= line(
    outcome === "superseded"
      ? { part: "certifications", item: type, points: 0, of: 0, note: `superseded by a newer ${type} record: left out`, excluded: "SUPERSEDED" }
      : outcome === "audit"
        ? { part: "certifications", item: type, points: 1, of: 1, note: "valid independent audit" }
        : outcome === "unverified"
          ? { part: "certifications", item: type, points: 0.5, of: 1, note: "unverified: no report or certificate file attached (half credit)", unverified: true }
          : { part: "certifications", item: type, points: 0.5, of: 1, note: "valid, but not SOC 2 Type II or ISO 27001" },
  ));
}
const NO_CERTIFICATION = line({ part: "certifications", item: "none", points: 0, of: 1, note: "no valid certification" });

function certificationPart(input: ScoringInput, counting: CertificationEvidence[], audit: CertificationEvidence | null, contributions: Contribution[]): number {
  if (counting.length !== input.certifications.length) {
    for (const c of input.certifications) if (!counting.includes(c)) contributions.push(certificationLine("superseded", c.type));
  }
  if (audit) {
    contributions.push(certificationLine("audit", audit.type));
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
    contributions.push(certificationLine("unverified", unverified.type));
    return 50;
  }
  contributions.push(other ? certificationLine("other", other.type) : NO_CERTIFICATION);
  return other ? 50 : 0;
}

/** The ids of the flags of one severity, joined for the tier's reason. */
function idsOf(flags: RedFlag[], severity: RedFlag["severity"]): string {
  let ids = "";
  for (const f of flags) if (f.severity === severity) ids = ids ? `${ids}, ${f.id}` : f.id;
  return ids;
}

/** "Score 57 is under 60" and the like: one string per whole score 0–100, built on first use. */
const scoreReasons = { under60: [] as string[], under80: [] as string[], clean: [] as string[] };
function scoreReason(kind: keyof typeof scoreReasons, score: number): string {
  let found = scoreReasons[kind][score];
  if (found === undefined) {
    found = kind === "under60" ? `Score ${score} is under 60` : kind === "under80" ? `Score ${score} is under 80` : `Score ${score}, no red flags`;
    scoreReasons[kind][score] = found;
  }
  return found;
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
  if (critical) {
    tier = "CRITICAL";
    tierReason = `Critical red flag: ${critical}`;
  } else if (high || score < 60) {
    tier = "HIGH";
    tierReason = high ? `High red flag: ${high}` : scoreReason("under60", score);
  } else if (medium || score < 80) {
    tier = "MEDIUM";
    tierReason = medium ? `Medium red flag: ${medium}` : scoreReason("under80", score);
  } else {
    tier = "LOW";
    tierReason = scoreReason("clean", score);
  }
  const parts: ScoreResult["parts"] = {
    dpa: { score: Math.round(dpa), weight: weights.dpa },
    questionnaire: { score: Math.round(questionnaire), weight: weights.questionnaire },
    certifications: { score: Math.round(certifications), weight: weights.certifications },
  };
  return { modelVersion, score, tier, tierReason, parts, contributions, flags };
}
