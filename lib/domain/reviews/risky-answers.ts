/**
 * Which answers a reviewer should read first: those that earned less than their full points in the
 * score the assessment was submitted with, and those whose product fact raised a red flag (a
 * fact-linked answer mirrors the fact the flag reads). Pure: the review page and its "risky only"
 * filter both use it.
 */
import { RED_FLAG_LABELS } from "@/lib/domain/scoring/red-flags";
import type { Contribution, RedFlag } from "@/lib/domain/scoring/types";

/** The red flags a fact-linked answer speaks to (lib/domain/scoring/red-flags.ts reads these facts). */
export const FLAGS_BY_PRODUCT_FACT: Record<string, readonly string[]> = {
  trainingPolicy: ["TRAINS_ON_CUSTOMER_DATA"],
  retentionDays: ["UNLIMITED_RETENTION"],
  zeroRetentionAvailable: [],
  processingRegions: ["UNKNOWN_LOCATION", "RESIDENCY_MISMATCH"],
  breachNoticeHours: ["SLOW_BREACH_NOTICE"],
  encryptionInTransit: [],
  encryptionAtRest: [],
};

export interface RiskyQuestion {
  key: string;
  productFact?: string | null;
}

export interface AnswerRisk {
  /** Points earned of points possible, when the question is scored. */
  points: { earned: number; of: number } | null;
  /** Red flags this answer's product fact raised. */
  flags: string[];
  /** Short reasons, in words, shown beside the answer. */
  reasons: string[];
}

const round = (n: number) => Math.round(n * 10) / 10;

export function answerRisks(questions: RiskyQuestion[], contributions: Contribution[], flags: Pick<RedFlag, "id">[]): Map<string, AnswerRisk> {
  const scored = new Map(contributions.filter((c) => c.part === "questionnaire").map((c) => [c.item, c] as const));
  const raised = new Set(flags.map((f) => f.id));
  const risks = new Map<string, AnswerRisk>();
  for (const q of questions) {
    const c = scored.get(q.key);
    const points = c && c.of > 0 ? { earned: c.points, of: c.of } : null;
    const flagged = (q.productFact ? (FLAGS_BY_PRODUCT_FACT[q.productFact] ?? []) : []).filter((f) => raised.has(f));
    const reasons: string[] = [];
    // A float sum can land a hair under full: compare on the shown precision.
    if (points && round(points.earned) < round(points.of)) reasons.push(c!.note === "unanswered" ? `unanswered: 0 of ${round(points.of)} points` : `earned ${round(points.earned)} of ${round(points.of)} points`);
    for (const f of flagged) reasons.push(`raises the flag “${RED_FLAG_LABELS[f] ?? f}”`);
    risks.set(q.key, { points, flags: flagged, reasons });
  }
  return risks;
}

/** The keys of the risky answers, in question order. */
export function riskyAnswerKeys(questions: RiskyQuestion[], risks: Map<string, AnswerRisk>): string[] {
  return questions.filter((q) => (risks.get(q.key)?.reasons.length ?? 0) > 0).map((q) => q.key);
}
