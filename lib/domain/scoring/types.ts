/**
 * The plain inputs scoring reads (PRODUCT.md "Score and tier", "Red flags"). lib/db assembles
 * them from the register; a snapshot stores them, so any score can be recomputed and explained.
 */
import type { CertificationEvidence } from "./counting-evidence";
import type { ClauseStatus, DataClass, DpaClause, ProductTier, Residency, RetentionKind, TrainingPolicy, TransferMechanism } from "@/lib/domain/vocabulary";

export interface ScoringWeights {
  dpa: number;
  questionnaire: number;
  certifications: number;
}

export const DEFAULT_WEIGHTS: ScoringWeights = { dpa: 40, questionnaire: 40, certifications: 20 };

export interface ScoringInput {
  /** "YYYY-MM-DD" of the day the score is for: validity is judged on this day. */
  asOf: string;
  product: {
    tier: ProductTier;
    processingRegions: string[];
    retentionKind: RetentionKind;
    trainingPolicy: TrainingPolicy;
    subProcessorCount: number;
  };
  /** The product's current DPA, or null. */
  dpa: {
    signedAt: string | null;
    expiresAt: string | null;
    breachNoticeHours: number | null;
    transferMechanism: TransferMechanism;
    clauses: Partial<Record<DpaClause, ClauseStatus>>;
  } | null;
  /** Every non-archived certification record; which of them count is decided in counting-evidence.ts. */
  certifications: CertificationEvidence[];
  /** The latest submitted questionnaire, scored by question: points earned of points possible. */
  questionnaire: { answers: QuestionnaireAnswerScore[] } | null;
  /** Present when scoring for one client's use case (adds the per-use-case flags). */
  useCase?: { residency: Residency; dataClasses: DataClass[] } | null;
}

/**
 * One weighted question's result. `status` is absent in snapshots made before it existed (read
 * as ANSWERED/UNANSWERED from `points`). NOT_ASKED (hidden by its show-when rule) and NO_BANDS
 * (a number question with no scoring bands) leave the denominator.
 */
export interface QuestionnaireAnswerScore {
  key: string;
  prompt: string;
  weight: number;
  points: number | null;
  status?: "ANSWERED" | "UNANSWERED" | "NOT_ASKED" | "NO_BANDS";
}

export type Severity = "critical" | "high" | "medium";

export interface RedFlag {
  id: string;
  severity: Severity;
  evidence: string;
}

export interface Contribution {
  part: "dpa" | "questionnaire" | "certifications";
  item: string;
  points: number;
  of: number;
  note: string;
  /** Why an item left the denominator: "NOT_ASKED" (hidden question), "NO_BANDS", "NOT_APPLICABLE" (clause). */
  excluded?: "NOT_ASKED" | "NO_BANDS" | "NOT_APPLICABLE" | "SUPERSEDED";
  /** A SOC 2 Type II / ISO 27001 credited at half because no file backs it. */
  unverified?: true;
}

export interface ScoreResult {
  modelVersion: number;
  score: number;
  tier: "LOW" | "MEDIUM" | "HIGH" | "CRITICAL";
  tierReason: string;
  parts: Record<"dpa" | "questionnaire" | "certifications", { score: number; weight: number }>;
  contributions: Contribution[];
  flags: RedFlag[];
}

/** The short form of a live score the questionnaire shows beside the answers. */
export interface LiveScoreSummary {
  score: number;
  tier: ScoreResult["tier"];
  tierReason: string;
  flags: Array<{ id: string; severity: Severity }>;
}
