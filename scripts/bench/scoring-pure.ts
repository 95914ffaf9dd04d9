/**
 * Issue 17, pure scoring: assessments scored per second on one core, where one assessment is what
 * rescoring does per product: its questionnaire answers against the template version
 * (scoreAnswers) and the product's score, tier and flags (scoreProduct). The workload: the default
 * questionnaire (53 questions) with 2,000 generated answer sets, DPAs, certifications and use
 * cases. Baseline in the same run: the reference implementation (lib/domain/scoring/reference,
 * the code before the optimisation), on the same inputs, in alternating rounds. Both per wall
 * second and per CPU second (the machine is shared: the CPU figure is the one that travels).
 */
import { performance } from "node:perf_hooks";
import type { AnswerValue } from "@/lib/domain/questionnaire/rules";
import { scoreAnswers, type ScorableQuestion } from "@/lib/domain/scoring/answer-points";
import { scoreProduct } from "@/lib/domain/scoring/score-product";
import { scoreAnswers as referenceAnswers } from "@/lib/domain/scoring/reference/answer-points";
import { scoreProduct as referenceProduct } from "@/lib/domain/scoring/reference/score-product";
import { generateAnswers, generateInput, generateWeights, randomSource } from "@/lib/domain/scoring/reference/generate-inputs";
import type { ScoringInput, ScoringWeights } from "@/lib/domain/scoring/types";
import { DEFAULT_QUESTIONNAIRE } from "@/lib/catalogue/default-questionnaire";
import { templateSchema } from "@/lib/validation/questionnaire-template";

const CASES = 2_000;
const ROUNDS = 7;
/** Passes over the inputs per round, so a round lasts long enough for the CPU clock (ms ticks). */
const PASSES = 5;

interface Case {
  answers: Record<string, AnswerValue>;
  input: ScoringInput;
  weights: ScoringWeights;
}

export function defaultQuestions(): ScorableQuestion[] {
  const template = templateSchema.parse(DEFAULT_QUESTIONNAIRE);
  return template.sections.flatMap((s) =>
    s.questions.map((q) => ({ key: q.key, prompt: q.prompt, type: q.type, required: q.required, weight: q.weight, options: q.options ?? null, bands: q.bands ?? null, visibility: q.visibility ?? null }) as ScorableQuestion),
  );
}

function cases(questions: ScorableQuestion[]): Case[] {
  const r = randomSource(17);
  return Array.from({ length: CASES }, () => {
    const answers = generateAnswers(r, questions);
    // Answers keyed like the template's, with values its options accept most of the time.
    for (const q of questions) if (q.options?.length && r.chance(0.7)) answers[q.key] = r.pick(q.options).value;
    return { answers, input: generateInput(r, null), weights: generateWeights(r) };
  });
}

/**
 * Assessments per wall second and per CPU second of this process (process.cpuUsage: user +
 * system, all of its threads, so the garbage collector's helpers count too). On a shared machine
 * the wall rate falls with the load; the CPU rate is what one core does while it is ours.
 */
function rate(run: () => void, count: number): { wall: number; cpu: number } {
  const cpu = process.cpuUsage();
  const t = performance.now();
  for (let i = 0; i < PASSES; i++) run();
  const used = process.cpuUsage(cpu);
  return { wall: (count * PASSES) / ((performance.now() - t) / 1000), cpu: (count * PASSES) / ((used.user + used.system) / 1e6) };
}

export function benchPureScoring() {
  const questions = defaultQuestions();
  const all = cases(questions);
  const optimised = () => {
    for (const c of all) scoreProduct({ ...c.input, questionnaire: { answers: scoreAnswers(questions, c.answers) } }, c.weights);
  };
  const reference = () => {
    for (const c of all) referenceProduct({ ...c.input, questionnaire: { answers: referenceAnswers(questions, c.answers) } }, c.weights);
  };
  optimised();
  reference();
  const now: Array<{ wall: number; cpu: number }> = [];
  const before: Array<{ wall: number; cpu: number }> = [];
  for (let i = 0; i < ROUNDS; i++) {
    now.push(rate(optimised, all.length));
    before.push(rate(reference, all.length));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return {
    questions: questions.length,
    cases: all.length,
    rounds: ROUNDS,
    passes: PASSES,
    optimised: median(now.map((r) => r.wall)),
    reference: median(before.map((r) => r.wall)),
    optimisedCpu: median(now.map((r) => r.cpu)),
    referenceCpu: median(before.map((r) => r.cpu)),
  };
}
