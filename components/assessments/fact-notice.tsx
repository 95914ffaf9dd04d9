"use client";

import { useState, useTransition } from "react";
import { sameAnswer } from "@/lib/domain/questionnaire/product-facts";
import type { AnswerValue } from "@/lib/domain/questionnaire/rules";
import type { QuestionDefinition } from "@/lib/validation/questionnaire-template";

function show(question: QuestionDefinition, value: AnswerValue): string {
  const labels = new Map((question.options ?? []).map((o) => [o.value, o.label]));
  if (Array.isArray(value)) return value.map((v) => labels.get(v) ?? v).join(", ");
  return labels.get(String(value)) ?? String(value);
}

/** Shows where an answer and the product record disagree, and lets a person record the answer on the product. */
export function FactNotice({ question, answer, recorded, canUpdate, apply }: { question: QuestionDefinition; answer: AnswerValue; recorded: AnswerValue; canUpdate: boolean; apply: () => Promise<string | null> }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const answered = answer !== null && !(Array.isArray(answer) && answer.length === 0) && answer !== "";
  if (!answered) {
    return recorded === null ? null : <p className="mt-2 text-xs text-slate-500">The product record says: {show(question, recorded)}.</p>;
  }
  if (recorded !== null && sameAnswer(answer, recorded)) return <p className="mt-2 text-xs text-green-700">Matches the product record.</p>;
  return (
    <div className="mt-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900" data-testid={`fact-conflict-${question.key}`}>
      {recorded === null ? "The product record does not say yet." : `The product record says: ${show(question, recorded)}. This answer disagrees.`}{" "}
      {canUpdate ? (
        <button
          type="button"
          disabled={pending}
          className="font-medium underline"
          onClick={() =>
            start(async () => {
              setError(await apply());
            })
          }
        >
          {pending ? "Updating…" : "Update the product record to match this answer"}
        </button>
      ) : (
        "Someone who can edit the product should resolve this."
      )}
      {error ? <span role="alert" className="block text-red-700">{error}</span> : null}
    </div>
  );
}
