"use client";

import { useState } from "react";
import { QuestionInput } from "@/components/assessments/question-input";
import { isVisible, type AnswerValue } from "@/lib/domain/questionnaire/rules";
import { describeBand } from "@/lib/domain/scoring/band-text";
import type { TemplateDefinition } from "@/lib/validation/questionnaire-template";

/** The template as a filler sees it, with working show-when rules; nothing is saved. */
export function TemplatePreview({ definition }: { definition: TemplateDefinition }) {
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>({});
  const byKey = new Map(definition.sections.flatMap((s) => s.questions.map((q) => [q.key, { ...q, options: q.options ?? null }] as const)));
  return (
    <div className="space-y-6" aria-label="Preview">
      {definition.sections.map((section, si) => (
        <section key={`${section.key}-${si}`} className="space-y-3">
          <h2 className="text-lg font-semibold">
            {si + 1}. {section.title}
          </h2>
          {section.questions
            .filter((q) => isVisible(q, answers, byKey))
            .map((q) => (
              <fieldset key={q.key} className="rounded-lg border border-slate-200 bg-white p-4">
                <legend id={`preview-${q.key}-label`} className="px-1 text-sm font-medium">
                  {q.prompt || "(no question text)"} {q.required ? <span className="text-red-600">*</span> : null}
                </legend>
                {q.helpText ? <p className="mb-2 text-xs text-slate-600">{q.helpText}</p> : null}
                {q.type === "NUMBER" && q.weight > 0 && q.bands?.length ? (
                  <p className="mb-2 text-xs text-slate-500" data-testid={`preview-bands-${q.key}`}>
                    Scores (weight {q.weight}): {q.bands.map(describeBand).join("; ")}; anything else 0%.
                  </p>
                ) : null}
                <QuestionInput question={q} inputId={`preview-${q.key}`} value={answers[q.key] ?? null} files={{}} onFileUploaded={() => {}} onChange={(v) => setAnswers((a) => ({ ...a, [q.key]: v }))} />
              </fieldset>
            ))}
        </section>
      ))}
    </div>
  );
}
