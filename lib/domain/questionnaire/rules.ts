/**
 * Questionnaire rules, pure: which questions show (visibility), which required ones are still
 * unanswered, and progress. Used by the filling screen, by submit, and by scoring.
 */
export type AnswerValue = string | number | boolean | string[] | null;

export interface RuleQuestion {
  key: string;
  type: string;
  required: boolean;
  visibility: { questionKey: string; equals: string | number | boolean } | null;
}

export interface RuleSection {
  key: string;
  questions: RuleQuestion[];
}

/** A question shows when it has no rule, or the answer it looks at has the given value (or includes it). */
export function isVisible(question: RuleQuestion, answers: Record<string, AnswerValue>, byKey?: Map<string, RuleQuestion>): boolean {
  if (!question.visibility) return true;
  const { questionKey, equals } = question.visibility;
  // A question hidden by its own rule hides the questions that depend on it, too.
  const parent = byKey?.get(questionKey);
  if (parent && !isVisible(parent, answers, byKey)) return false;
  const answer = answers[questionKey];
  if (Array.isArray(answer)) return answer.includes(String(equals));
  return answer === equals || (answer !== null && answer !== undefined && String(answer) === String(equals));
}

export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "number") return Number.isFinite(value);
  return true;
}

export interface MissingAnswer {
  sectionKey: string;
  questionKey: string;
}

/** Required questions that show and have no answer, in questionnaire order (the first is where submit jumps). */
export function missingRequired(sections: RuleSection[], answers: Record<string, AnswerValue>): MissingAnswer[] {
  const byKey = new Map(sections.flatMap((s) => s.questions.map((q) => [q.key, q] as const)));
  const missing: MissingAnswer[] = [];
  for (const section of sections) {
    for (const q of section.questions) {
      if (q.required && isVisible(q, answers, byKey) && !isAnswered(answers[q.key])) missing.push({ sectionKey: section.key, questionKey: q.key });
    }
  }
  return missing;
}

/** Answered of required (visible ones only), overall and per section. */
export function progress(sections: RuleSection[], answers: Record<string, AnswerValue>) {
  const byKey = new Map(sections.flatMap((s) => s.questions.map((q) => [q.key, q] as const)));
  const perSection = sections.map((s) => {
    const required = s.questions.filter((q) => q.required && isVisible(q, answers, byKey));
    return { sectionKey: s.key, required: required.length, answered: required.filter((q) => isAnswered(answers[q.key])).length };
  });
  const required = perSection.reduce((n, s) => n + s.required, 0);
  const answered = perSection.reduce((n, s) => n + s.answered, 0);
  return { required, answered, percent: required === 0 ? 100 : Math.round((answered / required) * 100), perSection };
}
