/**
 * "What moved the score", in words: each item of a score result with the points of the final
 * score (0–100) it earned, the points it could still earn, and what to do to earn them; and for
 * each red flag, where the fix is made. Pure: screens turn a FixTarget into a link.
 */
import { clauseLabel, enumLabel, type TrainingPolicy, type RetentionKind, type ProductTier } from "@/lib/domain/vocabulary";
import { redFlagLabel } from "./red-flags";
import type { Contribution, RedFlag, ScoreResult } from "./types";

/** Where a shortfall is fixed; the screen knows the URLs. */
export type FixTarget =
  | { kind: "dpa-clause"; clause: string }
  | { kind: "dpa" }
  | { kind: "certificate"; type?: string }
  | { kind: "product-fact"; fact: "tier" | "processingRegions" | "trainingPolicy" | "retentionKind" }
  | { kind: "sub-processors" }
  | { kind: "question"; key: string }
  | { kind: "assessment" };

export interface ScoreExplanationRow {
  part: Contribution["part"];
  item: string;
  /** The clause name, question text or certificate, in words. */
  label: string;
  /** Points of the final 0–100 score this item earned. */
  earned: number;
  /** Points of the final score it could still earn. */
  available: number;
  /** What the item stands at now ("Partial", "Answered: 50% of its weight"…). */
  state: string;
  /** How to gain the missing points, or null when nothing is missing. */
  howToGain: string | null;
  fix: FixTarget | null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Question text by key, from the template the assessment used (a key with no text reads as itself). */
export type QuestionPrompts = Readonly<Record<string, string>>;

function contributionWords(c: Contribution, prompts: QuestionPrompts): { label: string; state: string; howToGain: string; fix: FixTarget } {
  if (c.part === "dpa") {
    const noDpa = c.note === "no DPA";
    return {
      label: `DPA clause: ${clauseLabel(c.item)}`,
      state: noDpa ? "No DPA recorded" : c.points >= c.of ? "Present" : c.points > 0 ? "Partial" : "Missing",
      howToGain: noDpa ? "Record the signed DPA and mark this clause present." : c.points > 0 ? "Get the clause strengthened to fully cover this, then mark it present." : "Get this clause added to the DPA (or mark it not applicable if it truly does not apply).",
      fix: noDpa ? { kind: "dpa" } : { kind: "dpa-clause", clause: c.item },
    };
  }
  if (c.part === "certifications") {
    const label = c.item === "none" ? "Certifications" : `Certification: ${enumLabel(c.item)}`;
    return {
      label,
      state: c.unverified ? "Unverified: no file attached" : c.points >= c.of ? "Valid independent audit" : c.points > 0 ? "Valid, but not SOC 2 Type II or ISO 27001" : "No valid certification",
      howToGain: c.unverified ? "Attach the report or certificate file to the record." : "Record a valid SOC 2 Type II report or ISO 27001 certificate with its file.",
      fix: { kind: "certificate", type: c.item === "none" ? undefined : c.item },
    };
  }
  if (c.item === "questionnaire") {
    return { label: "Questionnaire", state: c.note === "no submitted assessment" ? "No submitted assessment" : "No scored questions", howToGain: "Fill the due-diligence questionnaire and submit it.", fix: { kind: "assessment" } };
  }
  const unanswered = c.note === "unanswered";
  return {
    label: prompts[c.item] ?? c.item,
    state: unanswered ? "Unanswered" : `Answered: ${c.note}`,
    howToGain: unanswered ? "Answer this question in a new assessment." : "A better answer (with evidence from the vendor) earns the rest in the next assessment.",
    fix: { kind: "question", key: c.item },
  };
}

/**
 * Every item that counts, with its share of the final score, most points still to gain first
 * (then most earned). Excluded items (not applicable, not asked, superseded) are left out: they
 * move nothing.
 */
export function explainScore(result: Pick<ScoreResult, "parts" | "contributions">, prompts: QuestionPrompts = {}): ScoreExplanationRow[] {
  const totalWeight = result.parts.dpa.weight + result.parts.questionnaire.weight + result.parts.certifications.weight;
  if (totalWeight === 0) return [];
  const counted = result.contributions.filter((c) => !c.excluded && c.of > 0);
  const possible = { dpa: 0, questionnaire: 0, certifications: 0 };
  for (const c of counted) possible[c.part] += c.of;
  const rows = counted.map((c): ScoreExplanationRow => {
    // An item's share of the final score: its share of its part, times the part's share of the weights.
    const scale = (100 * result.parts[c.part].weight) / totalWeight / possible[c.part];
    const words = contributionWords(c, prompts);
    const available = round1((c.of - c.points) * scale);
    return { part: c.part, item: c.item, label: words.label, earned: round1(c.points * scale), available, state: words.state, howToGain: available > 0 ? words.howToGain : null, fix: available > 0 ? words.fix : null };
  });
  return rows.sort((a, b) => b.available - a.available || b.earned - a.earned || a.label.localeCompare(b.label));
}

/** The product facts a flag's fix depends on (which field, or the DPA, holds the problem). */
export interface FlagFacts {
  tier: ProductTier;
  trainingPolicy: TrainingPolicy;
  retentionKind: RetentionKind;
  processingRegions: readonly string[];
}

export interface FlagExplanation {
  id: string;
  label: string;
  severity: RedFlag["severity"];
  evidence: string;
  /** What clears it, in words. */
  fixText: string;
  fix: FixTarget;
}

/** Where each red flag is fixed, and in what words, given the product's own facts. */
export function explainFlag(flag: RedFlag, facts: FlagFacts): FlagExplanation {
  const base = { id: flag.id, label: redFlagLabel(flag.id), severity: flag.severity, evidence: flag.evidence };
  switch (flag.id) {
    case "NO_DPA":
      return { ...base, fixText: "Record the signed DPA with its signing date.", fix: { kind: "dpa" } };
    case "TRAINS_ON_CUSTOMER_DATA":
      return facts.trainingPolicy === "YES_NO_OPT_OUT"
        ? { ...base, fixText: "If the vendor now offers an opt-out or no training, correct the product's training policy.", fix: { kind: "product-fact", fact: "trainingPolicy" } }
        : { ...base, fixText: "Record the DPA's no-training clause (or correct the training policy to Never if that is what the vendor commits to).", fix: { kind: "dpa-clause", clause: "NO_TRAINING" } };
    case "RESIDENCY_MISMATCH":
      return { ...base, fixText: "Record the regions the product processes in, or a transfer mechanism (SCCs or DPF) on the DPA.", fix: { kind: "product-fact", fact: "processingRegions" } };
    case "PHI_WITHOUT_BAA":
      return { ...base, fixText: "Record a signed HIPAA BAA as a certificate.", fix: { kind: "certificate", type: "HIPAA_BAA" } };
    case "CONSUMER_TIER":
      return { ...base, fixText: "Use (and record) the vendor's business or enterprise tier.", fix: { kind: "product-fact", fact: "tier" } };
    case "UNKNOWN_LOCATION":
      return facts.processingRegions.length === 0
        ? { ...base, fixText: "Record the regions the product processes data in.", fix: { kind: "product-fact", fact: "processingRegions" } }
        : { ...base, fixText: "Record the DPA's processing-location clause.", fix: { kind: "dpa-clause", clause: "LOCATION" } };
    case "NO_SUBPROCESSOR_LIST":
      return { ...base, fixText: "Record the vendor's sub-processors (or the DPA's sub-processor clause).", fix: { kind: "sub-processors" } };
    case "UNLIMITED_RETENTION":
      return facts.retentionKind !== "DAYS"
        ? { ...base, fixText: "Record the retention period in days, if the vendor states one.", fix: { kind: "product-fact", fact: "retentionKind" } }
        : { ...base, fixText: "Record the DPA's finite retention clause.", fix: { kind: "dpa-clause", clause: "RETENTION" } };
    case "NO_INDEPENDENT_AUDIT":
      return { ...base, fixText: "Record a valid SOC 2 Type II report or ISO 27001 certificate, with its file attached.", fix: { kind: "certificate", type: "SOC2_TYPE_II" } };
    case "SLOW_BREACH_NOTICE":
      return { ...base, fixText: "Record the DPA's breach-notice deadline (72 hours or less).", fix: { kind: "dpa" } };
    case "EXPIRED_EVIDENCE":
      return { ...base, fixText: "Record the renewed DPA or certificate with its new expiry date.", fix: flag.evidence.includes("the DPA") ? { kind: "dpa" } : { kind: "certificate" } };
    default:
      return { ...base, fixText: "See the evidence above.", fix: { kind: "dpa" } };
  }
}
