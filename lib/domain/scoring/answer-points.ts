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
import type { AnswerValue, RuleQuestion } from "@/lib/domain/questionnaire/rules";
import type { QuestionnaireAnswerScore } from "./types";

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
  for (const b of bands) if (inBand(b, value)) return b;
  return null;
}

/** Can this question earn points at all (a type with points, and some weight)? */
export function isScorable(question: Pick<ScorableQuestion, "type" | "weight" | "options" | "bands">): boolean {
  if (question.weight <= 0) return false;
  if (question.type === "NUMBER") return true; // with bands it scores; without, it is listed as weighing nothing
  return (question.type === "YES_NO" || question.type === "SINGLE_CHOICE" || question.type === "MULTI_CHOICE") && !!question.options;
}

/** Points an answer earned (0–100), or null when unanswered (or a number question has no bands). */
export function answerPoints(question: Pick<ScorableQuestion, "type" | "options" | "bands">, value: AnswerValue | undefined): number | null {
  return pointsOf(question.type, question.options ? optionPoints(question.options) : null, question.bands, value);
}

/** Each option's points by value; a repeated value counts as its last listing (as a Map built in order). */
function optionPoints(options: NonNullable<ScorableQuestion["options"]>): Map<string, number> {
  const points = new Map<string, number>();
  for (const o of options) points.set(o.value, o.points ?? 0);
  return points;
}

function pointsOf(type: string, points: Map<string, number> | null, bands: ScoreBand[] | null, value: AnswerValue | undefined): number | null {
  if (value === null || value === undefined || value === "") return null;
  if (type === "NUMBER") {
    const n = typeof value === "number" ? value : Number(value);
    if (!bands?.length || !Number.isFinite(n)) return null;
    return bandFor(bands, n)?.points ?? 0;
  }
  if (!points) return null;
  if (Array.isArray(value)) {
    if (!value.length) return null;
    // Summed in the answer's order, as before, so the float result is the same to the last bit.
    let sum = 0;
    for (const v of value) sum += points.get(String(v)) ?? 0;
    return sum / value.length;
  }
  return type === "YES_NO" || type === "SINGLE_CHOICE" ? (points.get(String(value)) ?? 0) : null;
}

/**
 * A template version prepared once for scoring many answer sets (issue 17: rescoring an
 * organisation scores the same version for thousands of products): the weighted questions, each
 * option's points by value, and the show-when rules resolved to the questions they look at.
 */
interface CompiledQuestion {
  key: string;
  prompt: string;
  weight: number;
  type: string;
  points: Map<string, number> | null;
  bands: ScoreBand[] | null;
  isNumberWithoutBands: boolean;
  /** Index in `rules` of this question's own show-when rule, or -1 when it always shows. */
  rule: number;
  /** This question's results, shared between answer sets (see `resultOf`). */
  notAsked: QuestionnaireAnswerScore;
  noBands: QuestionnaireAnswerScore;
  unanswered: QuestionnaireAnswerScore;
  answered: Map<number, QuestionnaireAnswerScore>;
}

interface CompiledRule {
  questionKey: string;
  equals: string | number | boolean;
  equalsText: string;
  /** The rule of the question it looks at (which must show for this one to), or -1. */
  parentRule: number;
}

interface CompiledTemplate {
  scorable: CompiledQuestion[];
  rules: CompiledRule[];
}

const compiled = new WeakMap<readonly ScorableQuestion[], CompiledTemplate>();

/**
 * `questions` is compiled on first use and the result kept for as long as the array lives: callers
 * pass the same array for the same template version, and never change it after scoring with it.
 */
export function compileQuestions(questions: readonly ScorableQuestion[]): CompiledTemplate {
  const found = compiled.get(questions);
  if (found) return found;
  // As `new Map(questions.map(...))`: a repeated key resolves to its last question.
  const byKey = new Map<string, ScorableQuestion>();
  for (const q of questions) byKey.set(q.key, q);
  const rules: CompiledRule[] = [];
  const ruleOf = new Map<ScorableQuestion, number>();
  const resolving = new Set<ScorableQuestion>();
  const ruleFor = (q: ScorableQuestion): number => {
    if (!q.visibility) return -1;
    const known = ruleOf.get(q);
    if (known !== undefined) return known;
    // A rule circle would have recursed without end before; it cannot be published (validation).
    if (resolving.has(q)) throw new Error(`Show-when rules form a circle at question "${q.key}"`);
    resolving.add(q);
    const parent = byKey.get(q.visibility.questionKey);
    const parentRule = parent ? ruleFor(parent) : -1;
    resolving.delete(q);
    const index = rules.push({ questionKey: q.visibility.questionKey, equals: q.visibility.equals, equalsText: String(q.visibility.equals), parentRule }) - 1;
    ruleOf.set(q, index);
    return index;
  };
  const scorable: CompiledQuestion[] = [];
  for (const q of questions) {
    if (!isScorable(q)) continue;
    // Same keys in the same order as before: snapshots store these objects as JSON.
    const result = (points: number | null, status: NonNullable<QuestionnaireAnswerScore["status"]>) => Object.freeze({ key: q.key, prompt: q.prompt, weight: q.weight, points, status });
    scorable.push({
      key: q.key,
      prompt: q.prompt,
      weight: q.weight,
      type: q.type,
      points: q.options ? optionPoints(q.options) : null,
      bands: q.bands,
      isNumberWithoutBands: q.type === "NUMBER" && !q.bands?.length,
      rule: ruleFor(q),
      notAsked: result(null, "NOT_ASKED"),
      noBands: result(null, "NO_BANDS"),
      unanswered: result(null, "UNANSWERED"),
      answered: new Map(),
    });
  }
  const template = { scorable, rules };
  compiled.set(questions, template);
  return template;
}

/** isVisible (rules.ts) for a compiled rule: its own condition, and every rule up its chain. */
function ruleHolds(rules: CompiledRule[], index: number, answers: Record<string, AnswerValue>, memo: Int8Array): boolean {
  if (index < 0) return true;
  const known = memo[index]!;
  if (known !== 0) return known > 0;
  const rule = rules[index]!;
  let holds = ruleHolds(rules, rule.parentRule, answers, memo);
  if (holds) {
    const answer = answers[rule.questionKey];
    holds = Array.isArray(answer) ? answer.includes(rule.equalsText) : answer === rule.equals || (answer !== null && answer !== undefined && String(answer) === rule.equalsText);
  }
  memo[index] = holds ? 1 : -1;
  return holds;
}

/** Distinct points values kept per question (options and bands give a few; multi-choice means more). */
const SHARED_RESULTS_PER_QUESTION = 64;

/**
 * The result of one answered question. Issue 17: rescoring scores the same template version for
 * thousands of products and an answer earns one of few points values, so each (question, points)
 * result is built once and shared, frozen so that no reader can change it for the others (and
 * scoreProduct keeps each shared result's contribution line beside it).
 */
function answered(q: CompiledQuestion, points: number): QuestionnaireAnswerScore {
  let found = q.answered.get(points);
  // -0 and 0 are one Map key but not one value: -0 (never seen in practice) is not shared.
  if (found && !(points === 0 && 1 / points < 0)) return found;
  found = { key: q.key, prompt: q.prompt, weight: q.weight, points, status: "ANSWERED" };
  if (q.answered.size < SHARED_RESULTS_PER_QUESTION && !(points === 0 && 1 / points < 0)) q.answered.set(points, Object.freeze(found));
  return found;
}

/** The show-when memo, reused between calls (scoring is synchronous: no two calls overlap). */
let memoBuffer = new Int8Array(64);

/**
 * Every weighted question of a template version with what its answer earned, in template order.
 * `answers` is keyed by question key. The results are shared between calls and frozen.
 */
export function scoreAnswers(questions: readonly ScorableQuestion[], answers: Record<string, AnswerValue>): QuestionnaireAnswerScore[] {
  const { scorable, rules } = compileQuestions(questions);
  if (memoBuffer.length < rules.length) memoBuffer = new Int8Array(rules.length * 2);
  const memo = memoBuffer;
  memo.fill(0, 0, rules.length);
  const scores: QuestionnaireAnswerScore[] = new Array(scorable.length);
  for (let i = 0; i < scorable.length; i++) {
    const q = scorable[i]!;
    if (!ruleHolds(rules, q.rule, answers, memo)) scores[i] = q.notAsked;
    else if (q.isNumberWithoutBands) scores[i] = q.noBands;
    else {
      const points = pointsOf(q.type, q.points, q.bands, answers[q.key]);
      scores[i] = points === null ? q.unanswered : answered(q, points);
    }
  }
  return scores;
}
