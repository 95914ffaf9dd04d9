/**
 * The plain inputs contradiction rules read: the questionnaire (template questions and answers),
 * the product record, the current DPA and the certifications. lib/db assembles them.
 */
import type { AnswerValue, RuleQuestion } from "@/lib/domain/questionnaire/rules";
import type { ProductFacts } from "@/lib/domain/questionnaire/product-facts";
import type { CertificationEvidence } from "@/lib/domain/scoring/counting-evidence";
import type { ClauseStatus, DpaClause, TransferMechanism } from "@/lib/domain/vocabulary";

export interface ContradictionQuestion extends RuleQuestion {
  prompt: string;
  options: Array<{ value: string; label: string }> | null;
  productFact: string | null;
}

export interface ContradictionInput {
  /** "YYYY-MM-DD": certifications are judged valid on this day. */
  asOf: string;
  /** The questionnaire the answers belong to; empty when the product has no assessment. */
  questions: ContradictionQuestion[];
  /** Answers by question key. */
  answers: Record<string, AnswerValue>;
  product: ProductFacts & { subProcessorCount: number };
  /** The current DPA, or null. */
  dpa: {
    signed: boolean;
    transferMechanism: TransferMechanism;
    breachNoticeHours: number | null;
    clauses: Partial<Record<DpaClause, { status: ClauseStatus; evidence: string | null }>>;
  } | null;
  certifications: CertificationEvidence[];
}

export type ContradictionSource = "answer" | "product" | "dpa" | "evidence";

/** One side of a contradiction, as a person reads it. */
export interface ContradictionSide {
  source: ContradictionSource;
  /** What was read: a question's text, a product field, a DPA clause, the certifications. */
  label: string;
  /** What it says. */
  value: string;
}

export interface Contradiction {
  /** Stable per product: an acknowledgement is stored under it. */
  key: string;
  title: string;
  left: ContradictionSide;
  right: ContradictionSide;
  /** How to resolve it by changing one side. */
  fix: string;
}
