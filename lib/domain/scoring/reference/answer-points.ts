/**
 * REFERENCE ONLY (issue 17): the scoring code as it stood before it was optimised, kept verbatim
 * as the oracle the optimised code is tested against (score-equivalence.test.ts, on many generated
 * inputs) and as the scoring benchmark's same-run baseline. The app never imports it.
 */
/**
 * Questionnaire answers as points (PRODUCT.md "Score and tier": answer points over answerable
 * weight). Pure: lib/db loads the template version and the answers, this decides what each answer
 * is worth and whether its question was asked at all.
 *
 * - Yes/no and single choice: the chosen option's points. Multi choice: the mean of the chosen
 *   options' points.
 * - Number: the first scoring band the value falls in (bounds inclusive); outside every band, 0.
 * - A question hidden by its show-when rule was not asked: it leaves the denominator (it is listed
 *   as "not asked" so the breakdown can say so), instead of counting as unanswered.
 * - A weighted number question without bands (published before bands existed) cannot score: it
 *   is listed as weighing nothing with the reason, never silently dropped. New templates cannot
 *   have one (lib/validation/questionnaire-template.ts).
 */
import { isVisible, type AnswerValue, type RuleQuestion } from "@/lib/domain/questionnaire/rules";
import type { QuestionnaireAnswerScore } from "../types";

export interface ScoreBand {
  /** Inclusive lower bound; null means no lower bound. */
  min: number | null;
  /** Inclusive upper bound; null means no upper bound. */
  max: number | null;
  /** 0–100 of the question's weight. */
  points: number;
}

export interface ScorableQuestion extends RuleQuestion {
  prompt: string;
  weight: number;
  options: Array<{ value: string; points?: number }> | null;
  bands: ScoreBand[] | null;
}

export const inBand = (band: ScoreBand, value: number) => (band.min === null || value >= band.min) && (band.max === null || value <= band.max);

/** The band a number falls in (first match, in the order the template lists them), or null. */
export function bandFor(bands: ScoreBand[], value: number): ScoreBand | null {
  return bands.find((b) => inBand(b, value)) ?? null;
}

/** Can this question earn points at all (a type with points, and some weight)? */
export function isScorable(question: Pick<ScorableQuestion, "type" | "weight" | "options" | "bands">): boolean {
  if (question.weight <= 0) return false;
  if (question.type === "NUMBER") return true; // with bands it scores; without, it is listed as weighing nothing
  return (question.type === "YES_NO" || question.type === "SINGLE_CHOICE" || question.type === "MULTI_CHOICE") && !!question.options;
}

/** Points an answer earned (0–100), or null when unanswered (or a number question has no bands). */
export function answerPoints(question: Pick<ScorableQuestion, "type" | "options" | "bands">, value: AnswerValue | undefined): number | null {
  if (value === null || value === undefined || value === "") return null;
  if (question.type === "NUMBER") {
    const n = typeof value === "number" ? value : Number(value);
    if (!question.bands?.length || !Number.isFinite(n)) return null;
    return bandFor(question.bands, n)?.points ?? 0;
  }
  if (!question.options) return null;
  const points = new Map(question.options.map((o) => [o.value, o.points ?? 0]));
  if (Array.isArray(value)) return value.length ? value.reduce((sum: number, v) => sum + (points.get(String(v)) ?? 0), 0) / value.length : null;
  return question.type === "YES_NO" || question.type === "SINGLE_CHOICE" ? (points.get(String(value)) ?? 0) : null;
}

/**
 * Every weighted question of a template version with what its answer earned, in template order.
 * `answers` is keyed by question key.
 */
export function scoreAnswers(questions: ScorableQuestion[], answers: Record<string, AnswerValue>): QuestionnaireAnswerScore[] {
  const byKey = new Map<string, RuleQuestion>(questions.map((q) => [q.key, q]));
  return questions.filter(isScorable).map((q) => {
    const base = { key: q.key, prompt: q.prompt, weight: q.weight };
    if (!isVisible(q, answers, byKey)) return { ...base, points: null, status: "NOT_ASKED" as const };
    if (q.type === "NUMBER" && !q.bands?.length) return { ...base, points: null, status: "NO_BANDS" as const };
    const points = answerPoints(q, answers[q.key]);
    return { ...base, points, status: points === null ? ("UNANSWERED" as const) : ("ANSWERED" as const) };
  });
}
