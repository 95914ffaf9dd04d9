/**
 * What changed between two submitted assessments of the same product: the score and tier they
 * were submitted with, the red flags that appeared or cleared, and every answer that differs
 * (compared by question key, so a new template version still lines up).
 */
import type { RedFlag } from "@/lib/domain/scoring/types";

export interface AssessmentSide {
  submittedAt: string | null;
  score: { score: number; tier: string; flags: RedFlag[] } | null;
  /** Question key → the answer as shown, with its prompt. */
  answers: Record<string, { prompt: string; shown: string }>;
}

export interface AssessmentChanges {
  score: { before: number; after: number; tierBefore: string; tierAfter: string } | null;
  flagsRaised: RedFlag[];
  flagsCleared: RedFlag[];
  answers: Array<{ key: string; prompt: string; before: string; after: string }>;
}

export function assessmentChanges(previous: AssessmentSide, current: AssessmentSide): AssessmentChanges {
  const score = previous.score && current.score ? { before: previous.score.score, after: current.score.score, tierBefore: previous.score.tier, tierAfter: current.score.tier } : null;
  const beforeIds = new Set(previous.score?.flags.map((f) => f.id) ?? []);
  const afterIds = new Set(current.score?.flags.map((f) => f.id) ?? []);
  const keys = [...new Set([...Object.keys(current.answers), ...Object.keys(previous.answers)])];
  const answers = keys.flatMap((key) => {
    const before = previous.answers[key]?.shown ?? "";
    const after = current.answers[key]?.shown ?? "";
    return before === after ? [] : [{ key, prompt: current.answers[key]?.prompt ?? previous.answers[key]!.prompt, before, after }];
  });
  return {
    score,
    flagsRaised: current.score?.flags.filter((f) => !beforeIds.has(f.id)) ?? [],
    flagsCleared: previous.score?.flags.filter((f) => !afterIds.has(f.id)) ?? [],
    answers,
  };
}
