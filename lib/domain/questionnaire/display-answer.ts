/**
 * An answer as a person reads it: option labels rather than stored values, file names for file
 * evidence, "" when unanswered. Shared by the spreadsheet export, the review's change list and
 * the risk report.
 */
import type { AnswerValue } from "./rules";

export interface DisplayQuestion {
  type: string;
  options?: Array<{ value: string; label: string }> | null;
}

export function displayAnswer(question: DisplayQuestion, answer: { value: AnswerValue; files?: Array<{ originalName: string }> } | undefined): string {
  const labels = new Map((question.options ?? []).map((o) => [o.value, o.label]));
  const value = answer?.value;
  if (question.type === "FILE") return (answer?.files ?? []).map((f) => f.originalName).join("; ");
  if (Array.isArray(value)) return value.map((v) => labels.get(v) ?? v).join("; ");
  if (value === null || value === undefined) return "";
  return labels.get(String(value)) ?? String(value);
}
