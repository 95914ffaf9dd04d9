"use client";

import { useState } from "react";
import { Card } from "@/components/ui/card";
import type { ActionResult } from "@/lib/http/action-result";
import { AnswerNoteForm, type AnswerNote } from "./answer-note-form";
import { AnswerNotes } from "./answer-notes";

export interface ReviewAnswerRow {
  key: string;
  prompt: string;
  /** The answer as a person reads it; "" when unanswered. */
  shown: string;
  comment: string | null;
  files: Array<{ id: string; originalName: string }>;
  points: { earned: number; of: number } | null;
  /** Why the answer is risky, in words; empty when it is not. */
  reasons: string[];
  notes: AnswerNote[];
}

const fmt = (n: number) => String(Math.round(n * 10) / 10);

/**
 * Every answer of a submitted assessment on one page, section by section, with a "risky only"
 * filter (answers that earned less than their full points or raised a flag). A reviewer can
 * comment on, or ask for information about, a single answer.
 */
export function ReviewAnswers({
  assessmentId,
  sections,
  initialRiskyOnly,
  addNote,
}: {
  assessmentId: string;
  sections: Array<{ key: string; title: string; rows: ReviewAnswerRow[] }>;
  initialRiskyOnly: boolean;
  /** Present when the viewer may write notes (a reviewer, while the assessment is under review). */
  addNote?: (raw: unknown) => Promise<ActionResult<AnswerNote>>;
}) {
  const [riskyOnly, setRiskyOnly] = useState(initialRiskyOnly);
  const [notes, setNotes] = useState(() => Object.fromEntries(sections.flatMap((s) => s.rows.map((r) => [r.key, r.notes] as const))));
  const riskyCount = sections.reduce((n, s) => n + s.rows.filter((r) => r.reasons.length).length, 0);
  const shownSections = sections.map((s) => ({ ...s, rows: riskyOnly ? s.rows.filter((r) => r.reasons.length) : s.rows })).filter((s) => s.rows.length);

  return (
    <Card
      title={<span id="answers">Answers</span>}
      className="mb-6"
      action={
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={riskyOnly} onChange={(e) => setRiskyOnly(e.target.checked)} aria-controls="review-answers" />
          Risky only ({riskyCount})
        </label>
      }
    >
      <p className="sr-only" role="status" aria-live="polite">
        {riskyOnly ? `Showing the ${riskyCount} risky answer(s).` : "Showing every answer."}
      </p>
      <div id="review-answers" className="space-y-6" data-testid="review-answers">
        {shownSections.length === 0 ? <p className="text-sm text-slate-600">No risky answers.</p> : null}
        {shownSections.map((s) => (
          <section key={s.key} aria-labelledby={`review-section-${s.key}`}>
            <h3 id={`review-section-${s.key}`} className="mb-2 text-sm font-semibold text-slate-900">
              {s.title}
            </h3>
            <ol className="divide-y divide-slate-100">
              {s.rows.map((r) => (
                <li key={r.key} id={`answer-${r.key}`} className="py-3 text-sm" data-testid="review-answer" data-risky={r.reasons.length ? "true" : "false"}>
                  <p className="font-medium text-slate-800">{r.prompt}</p>
                  <p className="mt-1 break-words">
                    <span className="sr-only">Answer: </span>
                    {r.shown ? r.shown : <span className="text-slate-500">Not answered</span>}
                    {r.points ? (
                      <span className="ml-2 text-xs text-slate-500">
                        {fmt(r.points.earned)} of {fmt(r.points.of)} points
                      </span>
                    ) : null}
                  </p>
                  {r.files.length ? (
                    <ul className="mt-1 text-xs">
                      {r.files.map((f) => (
                        <li key={f.id}>
                          <a className="text-brand-700 underline" href={`/api/files/${f.id}`}>
                            {f.originalName}
                          </a>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {r.reasons.length ? <p className="mt-1 text-xs font-medium text-red-700">Risky: {r.reasons.join("; ")}</p> : null}
                  {r.comment ? <p className="mt-1 whitespace-pre-line text-xs text-slate-600">Filler&apos;s comment: {r.comment}</p> : null}
                  <AnswerNotes notes={notes[r.key] ?? []} />
                  {addNote ? (
                    <AnswerNoteForm
                      assessmentId={assessmentId}
                      questionKey={r.key}
                      prompt={r.prompt}
                      addNote={addNote}
                      onAdded={(note) => setNotes((all) => ({ ...all, [r.key]: [...(all[r.key] ?? []), note] }))}
                    />
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
        ))}
      </div>
    </Card>
  );
}
