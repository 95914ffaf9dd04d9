"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { QuestionInput } from "@/components/assessments/question-input";
import { useAutosave, type PendingAnswer } from "@/components/assessments/use-autosave";
import type { UploadedFile } from "@/components/evidence/file-upload";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { isVisible, progress, type AnswerValue, type RuleQuestion } from "@/lib/domain/questionnaire/rules";
import type { ActionResult } from "@/lib/http/action-result";
import type { QuestionDefinition } from "@/lib/validation/questionnaire-template";

export interface VendorQuestion {
  key: string;
  prompt: string;
  helpText: string | null;
  type: QuestionDefinition["type"];
  required: boolean;
  options: Array<{ value: string; label: string }> | null;
  visibility: QuestionDefinition["visibility"];
}

export interface VendorAnswerState {
  value: AnswerValue;
  comment: string | null;
  prefilled: boolean;
  review: "PENDING" | "ACCEPTED" | "RETURNED";
  returnComment: string | null;
  editable: boolean;
}

interface Props {
  token: string;
  requestId: string;
  status: "OPEN" | "SUBMITTED" | "RETURNED" | "COMPLETED";
  sections: Array<{ key: string; title: string; description: string | null; questions: VendorQuestion[] }>;
  answers: Record<string, VendorAnswerState>;
  files: Record<string, UploadedFile>;
  save: (raw: unknown) => Promise<ActionResult<{ savedAt: string }>>;
  submit: (raw: unknown) => Promise<ActionResult<{ submittedAt: string }>>;
}

const asDefinition = (q: VendorQuestion): QuestionDefinition => ({ ...q, weight: 1, bands: null, productFact: null }) as QuestionDefinition;

/**
 * The vendor's questionnaire: sections as steps, progress, autosave with a truthful status (the
 * internal filler's useAutosave, pointed at this link), a file per answer, comments, and a submit
 * that names what is missing. After a submit only returned answers can be changed.
 */
export function VendorQuestionnaire({ token, requestId, status, sections, answers: initial, files: initialFiles, save, submit }: Props) {
  const router = useRouter();
  const [values, setValues] = useState<Record<string, AnswerValue>>(() => Object.fromEntries(Object.entries(initial).map(([k, a]) => [k, a.value])));
  const [comments, setComments] = useState<Record<string, string>>(() => Object.fromEntries(Object.entries(initial).map(([k, a]) => [k, a.comment ?? ""])));
  const [prefilled, setPrefilled] = useState<Set<string>>(() => new Set(Object.entries(initial).filter(([, a]) => a.prefilled).map(([k]) => k)));
  const [files, setFiles] = useState(initialFiles);
  const withVendor = status === "OPEN" || status === "RETURNED";
  const editable = (key: string) => (status === "OPEN" ? true : status === "RETURNED" ? initial[key]?.review === "RETURNED" : false);
  // A returned request opens on its first returned answer.
  const firstReturned = status === "RETURNED" ? sections.findIndex((s) => s.questions.some((q) => initial[q.key]?.review === "RETURNED")) : -1;
  const [step, setStep] = useState(Math.max(0, firstReturned));
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [submitting, startSubmit] = useTransition();
  const focusTarget = useRef<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);

  const restore = (items: PendingAnswer[]) => {
    setValues((v) => ({ ...v, ...Object.fromEntries(items.filter((i) => i.value !== undefined).map((i) => [i.questionKey, i.value as AnswerValue])) }));
    setComments((c) => ({ ...c, ...Object.fromEntries(items.filter((i) => i.comment !== undefined).map((i) => [i.questionKey, i.comment ?? ""])) }));
  };
  const saveThroughLink = useMemo(() => (raw: unknown) => save({ ...(raw as object), token }), [save, token]);
  const { queue, flush, flushAll, status: saveStatus, errors } = useAutosave(`vendor-${requestId}`, saveThroughLink, restore, undefined, { leaveUrl: `/api/vendor-requests/${token}/answers` });

  const ruleSections = useMemo(() => sections.map((s) => ({ key: s.key, questions: s.questions.map<RuleQuestion>((q) => ({ key: q.key, type: q.type, required: q.required, visibility: q.visibility })) })), [sections]);
  const byKey = useMemo(() => new Map(ruleSections.flatMap((s) => s.questions.map((q) => [q.key, q] as const))), [ruleSections]);
  const prompts = useMemo(() => new Map(sections.flatMap((s) => s.questions.map((q) => [q.key, q.prompt] as const))), [sections]);
  const done = progress(ruleSections, values);
  const section = sections[step]!;

  useEffect(() => {
    if (!focusTarget.current) return;
    const el = document.getElementById(`q-${focusTarget.current}`);
    el?.scrollIntoView({ block: "center" });
    (el?.querySelector("input, textarea, select") as HTMLElement | null)?.focus();
    focusTarget.current = null;
  }, [focusRequest]);

  const goTo = (questionKey: string) => {
    const index = sections.findIndex((s) => s.questions.some((q) => q.key === questionKey));
    if (index >= 0) setStep(index);
    focusTarget.current = questionKey;
    setFocusRequest((n) => n + 1);
  };

  const showSection = (index: number) => {
    void flushAll();
    setStep(index);
    window.scrollTo({ top: 0 });
  };

  const change = (key: string, value: AnswerValue, immediate: boolean) => {
    setValues((v) => ({ ...v, [key]: value }));
    setPrefilled((p) => (p.has(key) ? new Set([...p].filter((k) => k !== key)) : p));
    setProblems((p) => (key in p ? Object.fromEntries(Object.entries(p).filter(([k]) => k !== key)) : p));
    queue({ questionKey: key, value }, immediate ? 0 : 700);
  };

  const confirm = async (key: string) => {
    if (!(await flushAll())) return;
    const result = await saveThroughLink({ questionKey: key, confirm: true });
    if (result.ok) setPrefilled((p) => new Set([...p].filter((k) => k !== key)));
    else setProblems((p) => ({ ...p, [key]: result.fieldErrors?.[key] ?? result.error }));
  };

  const onSubmit = () =>
    startSubmit(async () => {
      setSubmitError(null);
      if (!(await flushAll())) {
        setSubmitError("Some answers are not saved yet (no connection?). They will be retried; send again in a moment.");
        return;
      }
      const result = await submit({ token });
      if (!result.ok) {
        setSubmitError(result.error);
        setProblems(result.fieldErrors ?? {});
        const first = Object.keys(result.fieldErrors ?? {}).find((k) => prompts.has(k));
        if (first) goTo(first);
        return;
      }
      router.refresh();
    });

  const savedText =
    saveStatus.kind === "pending"
      ? "Unsaved changes: saving…"
      : saveStatus.kind === "saving"
        ? "Saving…"
        : saveStatus.kind === "offline"
          ? `Offline: ${saveStatus.pending} answer(s) waiting, retrying…`
          : saveStatus.kind === "error"
            ? `Not saved: ${saveStatus.message}`
            : saveStatus.kind === "saved"
              ? `All changes saved at ${saveStatus.at.toLocaleTimeString()}`
              : "Answers save as you type; you can leave and come back with the same link.";

  return (
    // grid-cols-1 (minmax(0, 1fr)) and min-w-0: the section list scrolls inside a phone's width instead of widening the page.
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[16rem_1fr]">
      <nav aria-label="Sections" className="min-w-0 space-y-1">
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
        <ol className="flex gap-1 overflow-x-auto lg:block lg:space-y-1">
          {sections.map((s, i) => {
            const p = done.perSection[i]!;
            return (
              <li key={s.key} className="shrink-0">
                <button
                  type="button"
                  aria-current={i === step ? "step" : undefined}
                  onClick={() => showSection(i)}
                  className={`flex w-full justify-between gap-3 rounded-md px-3 py-2 text-left text-sm ${i === step ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700 hover:bg-slate-100"}`}
                >
                  <span>
                    {i + 1}. {s.title}
                  </span>
                  <span className="text-xs text-slate-600">
                    {p.answered}/{p.required}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
        <p role="status" aria-live="polite" aria-atomic="true" className={`pt-3 text-xs ${saveStatus.kind === "error" || saveStatus.kind === "offline" ? "text-red-700" : "text-slate-600"}`} data-testid="save-status" data-state={withVendor ? saveStatus.kind : "read-only"}>
          {withVendor ? savedText : "Sent: read only"}
        </p>
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
            const mayEdit = editable(q.key);
            const state = initial[q.key];
            const error = errors[q.key] ?? problems[q.key];
            return (
              <fieldset key={q.key} id={`q-${q.key}`} disabled={!mayEdit} className={`min-w-0 rounded-lg border bg-white p-4 ${error ? "border-red-400" : state?.review === "RETURNED" && withVendor ? "border-amber-400" : "border-slate-200"}`}>
                <legend id={`${inputId}-label`} className="px-1 text-sm font-medium text-slate-900">
                  {q.prompt} {q.required ? <span className="text-red-600" aria-label="required">*</span> : null}
                </legend>
                {q.helpText ? <p className="mb-3 text-xs text-slate-600">{q.helpText}</p> : null}
                {state?.review === "RETURNED" && state.returnComment ? (
                  <p className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid={`returned-${q.key}`}>
                    <strong>Returned to you:</strong> {state.returnComment}
                  </p>
                ) : null}
                {state?.review === "ACCEPTED" ? <p className="mb-2 text-xs font-medium text-green-700">Accepted</p> : null}
                <QuestionInput
                  question={asDefinition(q)}
                  inputId={inputId}
                  value={values[q.key] ?? null}
                  files={files}
                  uploadUrl={`/api/vendor-requests/${token}/files`}
                  fileHref={() => null}
                  onFileUploaded={(f) => setFiles((all) => ({ ...all, [f.id]: f }))}
                  onChange={(v, immediate) => change(q.key, v, immediate)}
                  onBlur={() => void flush(q.key)}
                />
                {prefilled.has(q.key) && mayEdit ? (
                  <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-700">
                    <span>This is your answer from last time.</span>
                    <Button variant="secondary" onClick={() => void confirm(q.key)}>
                      Still true
                    </Button>
                  </p>
                ) : null}
                {error ? (
                  <p role="alert" className="mt-2 text-sm text-red-600">
                    {error}
                  </p>
                ) : null}
                <div className="mt-3">
                  <label htmlFor={`comment-${q.key}`} className="text-xs text-slate-500">
                    Comment (optional)
                  </label>
                  <textarea
                    id={`comment-${q.key}`}
                    rows={2}
                    className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
                    value={comments[q.key] ?? ""}
                    onChange={(e) => {
                      const comment = e.target.value;
                      setComments((c) => ({ ...c, [q.key]: comment }));
                      queue({ questionKey: q.key, comment }, 700);
                    }}
                    onBlur={() => void flush(q.key)}
                  />
                </div>
              </fieldset>
            );
          })}
        <FormError message={submitError} />
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" disabled={step === 0} onClick={() => showSection(step - 1)}>
            Previous section
          </Button>
          {step < sections.length - 1 ? (
            <Button variant="secondary" onClick={() => showSection(step + 1)}>
              Next section
            </Button>
          ) : null}
          {withVendor ? (
            <Button onClick={onSubmit} disabled={submitting}>
              {submitting ? "Sending…" : status === "RETURNED" ? "Send the changed answers" : "Send answers"}
            </Button>
          ) : null}
        </div>
      </section>
    </div>
  );
}
