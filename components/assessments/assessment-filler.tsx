"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import type { UploadedFile } from "@/components/evidence/file-upload";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { ActionResult } from "@/lib/http/action-result";
import { isVisible, missingRequired, progress, type AnswerValue, type RuleQuestion } from "@/lib/domain/questionnaire/rules";
import type { TemplateDefinition } from "@/lib/validation/questionnaire-template";
import type { LiveScoreSummary } from "@/lib/domain/scoring/types";
import { AnswerNotes } from "@/components/reviews/answer-notes";
import type { AnswerNote } from "@/components/reviews/answer-note-form";
import { FactNotice } from "./fact-notice";
import { LiveScore } from "./live-score";
import { QuestionInput } from "./question-input";
import { useAutosave, type PendingAnswer } from "./use-autosave";

interface Props {
  assessmentId: string;
  definition: TemplateDefinition;
  initialAnswers: Record<string, { value: AnswerValue; comment: string | null }>;
  initialFiles: Record<string, UploadedFile>;
  lastSavedAt: string | null;
  readOnly: boolean;
  /** For fact-linked questions: the answer the product record implies (null when it does not say). */
  productFacts: Record<string, AnswerValue>;
  canUpdateProduct: boolean;
  applyToProduct: (raw: unknown) => Promise<ActionResult<{ id: string }>>;
  saveAnswer: (raw: unknown) => Promise<ActionResult<{ savedAt: string; live?: LiveScoreSummary }>>;
  /** The score the product would have with these answers; refreshed after each save. */
  initialLiveScore: LiveScoreSummary | null;
  submit: (raw: unknown) => Promise<ActionResult<{ id: string }>>;
  /** The reviewer's comments and requests for information, by question: shown on that question. */
  reviewNotes?: Record<string, AnswerNote[]>;
  /** "Answered by vendor contact X on date", by question, for answers an accepted vendor answer filled. */
  answeredByVendor?: Record<string, string>;
  /** Open on this question's section and focus it (the product page's "open the question" links). */
  initialQuestion?: string | null;
}

export function AssessmentFiller({ assessmentId, definition, initialAnswers, initialFiles, lastSavedAt, readOnly, productFacts, canUpdateProduct, applyToProduct, saveAnswer, submit, initialLiveScore, reviewNotes = {}, answeredByVendor = {}, initialQuestion = null }: Props) {
  const router = useRouter();
  const [values, setValues] = useState<Record<string, AnswerValue>>(() => Object.fromEntries(Object.entries(initialAnswers).map(([k, a]) => [k, a.value])));
  const [comments, setComments] = useState<Record<string, string>>(() => Object.fromEntries(Object.entries(initialAnswers).map(([k, a]) => [k, a.comment ?? ""])));
  const [files, setFiles] = useState(initialFiles);
  const [step, setStep] = useState(() => Math.max(0, initialQuestion ? definition.sections.findIndex((s) => s.questions.some((q) => q.key === initialQuestion)) : 0));
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [highlight, setHighlight] = useState<string | null>(null);
  const focusTarget = useRef<string | null>(initialQuestion);
  const [focusRequest, setFocusRequest] = useState(initialQuestion ? 1 : 0);
  const [submitting, startSubmit] = useTransition();

  const restore = (items: PendingAnswer[]) => {
    setValues((v) => ({ ...v, ...Object.fromEntries(items.filter((i) => i.value !== undefined).map((i) => [i.questionKey, i.value as AnswerValue])) }));
    setComments((c) => ({ ...c, ...Object.fromEntries(items.filter((i) => i.comment !== undefined).map((i) => [i.questionKey, i.comment ?? ""])) }));
  };
  const [live, setLive] = useState(initialLiveScore);
  const onSaved = useCallback((data: { live?: LiveScoreSummary }) => {
    if (data.live) setLive(data.live);
  }, []);
  const { queue, flush, flushAll, status, errors } = useAutosave(assessmentId, saveAnswer, restore, onSaved);

  const ruleSections = useMemo(
    () => definition.sections.map((s) => ({ key: s.key, questions: s.questions.map<RuleQuestion>((q) => ({ key: q.key, type: q.type, required: q.required, visibility: q.visibility })) })),
    [definition],
  );
  const byKey = useMemo(() => new Map(ruleSections.flatMap((s) => s.questions.map((q) => [q.key, q] as const))), [ruleSections]);
  const done = progress(ruleSections, values);
  const section = definition.sections[step]!;

  const change = (key: string, value: AnswerValue, immediate: boolean) => {
    setValues((v) => ({ ...v, [key]: value }));
    queue({ questionKey: key, value }, immediate ? 0 : 700);
  };

  const goTo = (questionKey: string) => {
    const index = definition.sections.findIndex((s) => s.questions.some((q) => q.key === questionKey));
    if (index >= 0) setStep(index);
    setHighlight(questionKey);
    focusTarget.current = questionKey;
    setFocusRequest((n) => n + 1);
  };

  // Focus the question once its section has rendered (after the step change commits).
  useEffect(() => {
    if (!focusTarget.current) return;
    const el = document.getElementById(`q-${focusTarget.current}`);
    el?.scrollIntoView({ block: "center" });
    (el?.querySelector("input, textarea, select") as HTMLElement | null)?.focus();
    focusTarget.current = null;
  }, [focusRequest]);

  const onSubmit = () =>
    startSubmit(async () => {
      setSubmitError(null);
      if (!(await flushAll())) {
        setSubmitError("Some answers are not saved yet (no connection?). They will be retried; submit again in a moment.");
        return;
      }
      const missing = missingRequired(ruleSections, values);
      if (missing.length) {
        setSubmitError(`${missing.length} required question(s) still need an answer.`);
        goTo(missing[0]!.questionKey);
        return;
      }
      const result = await submit({ assessmentId });
      if (!result.ok) {
        setSubmitError(result.error);
        const first = Object.keys(result.fieldErrors ?? {})[0];
        if (first) goTo(first);
        return;
      }
      // The page then confirms the submission and offers the next step (submitted-confirmation.tsx).
      router.replace(`/assessments/${assessmentId}?submitted=1`, { scroll: true });
    });

  // Moving between sections is a natural pause: send what is waiting instead of sitting on it.
  const showSection = (index: number) => {
    void flushAll();
    setStep(index);
  };

  const savedText =
    status.kind === "pending"
      ? "Unsaved changes: saving…"
      : status.kind === "saving"
        ? "Saving…"
        : status.kind === "offline"
          ? `Offline: ${status.pending} answer(s) waiting, retrying…`
          : status.kind === "error"
            ? `Not saved: ${status.message}`
            : status.kind === "saved"
              ? `All changes saved at ${status.at.toLocaleTimeString()}`
              : lastSavedAt
                ? `Last saved ${new Date(lastSavedAt).toLocaleString()}`
                : "Answers save as you type";

  return (
    <div className="grid gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
      <nav aria-label="Sections" className="space-y-1">
        <div className="mb-3">
          <div className="flex justify-between text-xs text-slate-600">
            <span>
              {done.answered} of {done.required} required answered
            </span>
            <span>{done.percent}%</span>
          </div>
          <div role="progressbar" aria-label="Required questions answered" aria-valuemin={0} aria-valuemax={done.required} aria-valuenow={done.answered} className="mt-1 h-2 rounded bg-slate-200">
            <div className="h-2 rounded bg-brand-600" style={{ width: `${done.percent}%` }} />
          </div>
        </div>
        {definition.sections.map((s, i) => {
          const p = done.perSection[i]!;
          return (
            <button
              key={s.key}
              type="button"
              aria-current={i === step ? "step" : undefined}
              onClick={() => showSection(i)}
              className={`flex w-full justify-between rounded-md px-3 py-2 text-left text-sm ${i === step ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700 hover:bg-slate-100"}`}
            >
              <span>
                {i + 1}. {s.title}
              </span>
              <span className="text-xs text-slate-600">
                {p.answered}/{p.required}
              </span>
            </button>
          );
        })}
        <p role="status" aria-live="polite" aria-atomic="true" className={`pt-3 text-xs ${status.kind === "error" || status.kind === "offline" ? "text-red-700" : "text-slate-600"}`} data-testid="save-status" data-state={readOnly ? "read-only" : status.kind}>
          {readOnly ? "Submitted: read only" : savedText}
        </p>
        {live && !readOnly ? <LiveScore live={live} /> : null}
      </nav>

      <section aria-labelledby="section-title" className="min-w-0 space-y-4">
        <div>
          <h2 id="section-title" className="text-lg font-semibold">
            {step + 1}. {section.title}
          </h2>
          {section.description ? <p className="text-sm text-slate-600">{section.description}</p> : null}
        </div>
        {section.questions
          .filter((q) => isVisible(q, values, byKey))
          .map((q) => {
            const inputId = `input-${q.key}`;
            const error = errors[q.key] ?? (highlight === q.key ? "This question needs an answer." : undefined);
            return (
              <fieldset
                key={q.key}
                id={`q-${q.key}`}
                disabled={readOnly}
                className={`rounded-lg border bg-white p-4 ${error ? "border-red-400" : "border-slate-200"}`}
                aria-describedby={`${inputId}-help`}
              >
                <legend id={`${inputId}-label`} className="px-1 text-sm font-medium text-slate-900">
                  {q.prompt} {q.required ? <span className="text-red-600" aria-label="required">*</span> : null}
                </legend>
                {q.helpText ? (
                  <p id={`${inputId}-help`} className="mb-3 text-xs text-slate-600">
                    {q.helpText}
                  </p>
                ) : null}
                {answeredByVendor[q.key] ? (
                  <p className="mb-2 text-xs font-medium text-brand-700" data-testid={`answered-by-vendor-${q.key}`}>
                    {answeredByVendor[q.key]}
                  </p>
                ) : null}
                <QuestionInput
                  question={q}
                  inputId={inputId}
                  value={values[q.key] ?? null}
                  files={files}
                  onFileUploaded={(f) => setFiles((all) => ({ ...all, [f.id]: f }))}
                  onChange={(v, immediate) => {
                    if (highlight === q.key) setHighlight(null);
                    change(q.key, v, immediate);
                  }}
                  onBlur={() => void flush(q.key)}
                />
                {q.key in productFacts ? (
                  <FactNotice
                    question={q}
                    answer={values[q.key] ?? null}
                    recorded={productFacts[q.key] ?? null}
                    canUpdate={canUpdateProduct && !readOnly}
                    apply={async () => {
                      if (!(await flushAll())) return "Save the answer first (no connection?).";
                      const result = await applyToProduct({ assessmentId, questionKey: q.key });
                      if (!result.ok) return result.error;
                      router.refresh();
                      return null;
                    }}
                  />
                ) : null}
                <AnswerNotes notes={reviewNotes[q.key] ?? []} />
                {error ? (
                  <p role="alert" className="mt-2 text-sm text-red-600">
                    {error}
                  </p>
                ) : null}
                <details className="mt-3 text-sm" open={!!comments[q.key]}>
                  <summary className="cursor-pointer text-xs text-slate-500">Comment</summary>
                  <textarea
                    aria-label={`Comment on: ${q.prompt}`}
                    rows={2}
                    className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
                    value={comments[q.key] ?? ""}
                    onChange={(e) => {
                      const comment = e.target.value;
                      setComments((c) => ({ ...c, [q.key]: comment }));
                      // Only the comment: the answer beside it is left as it is.
                      queue({ questionKey: q.key, comment }, 700);
                    }}
                    onBlur={() => void flush(q.key)}
                  />
                </details>
              </fieldset>
            );
          })}
        <FormError message={submitError} />
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" disabled={step === 0} onClick={() => showSection(step - 1)}>
            Previous section
          </Button>
          {step < definition.sections.length - 1 ? (
            <Button variant="secondary" onClick={() => showSection(step + 1)}>
              Next section
            </Button>
          ) : null}
          {!readOnly ? (
            <Button onClick={onSubmit} disabled={submitting}>
              {submitting ? "Submitting…" : "Submit for review"}
            </Button>
          ) : null}
        </div>
      </section>
    </div>
  );
}
