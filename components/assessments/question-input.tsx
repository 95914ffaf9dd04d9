"use client";

import { FileUpload, type UploadedFile } from "@/components/evidence/file-upload";
import type { AnswerValue } from "@/lib/domain/questionnaire/rules";
import type { QuestionDefinition } from "@/lib/validation/questionnaire-template";

/** One answer control per question type, labelled by the question's prompt. */
export function QuestionInput({
  question,
  value,
  onChange,
  inputId,
  files,
  onFileUploaded,
  onBlur,
  uploadUrl,
  fileHref = (id) => `/api/files/${id}`,
}: {
  question: QuestionDefinition;
  value: AnswerValue;
  onChange: (value: AnswerValue, immediate: boolean) => void;
  /** Typed answers are saved a moment after typing stops; leaving the field saves at once. */
  onBlur?: () => void;
  inputId: string;
  files: Record<string, UploadedFile>;
  onFileUploaded: (file: UploadedFile) => void;
  /** Where uploads go (a vendor link has its own route). */
  uploadUrl?: string;
  /** Where an attached file can be opened; null shows its name only (a vendor's page). */
  fileHref?: (id: string) => string | null;
}) {
  const options = question.options ?? [];
  switch (question.type) {
    case "YES_NO":
    case "SINGLE_CHOICE":
      return (
        <div role="radiogroup" aria-labelledby={`${inputId}-label`} className="flex flex-wrap gap-3">
          {options.map((o) => (
            <label key={o.value} className="flex items-center gap-2 rounded-md border border-slate-200 px-3 py-1.5 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
              <input type="radio" name={inputId} value={o.value} checked={value === o.value} onChange={() => onChange(o.value, true)} />
              {o.label}
            </label>
          ))}
          {value !== null ? (
            <button type="button" className="text-xs text-slate-500 hover:underline" onClick={() => onChange(null, true)}>
              Clear
            </button>
          ) : null}
        </div>
      );
    case "MULTI_CHOICE": {
      const selected = Array.isArray(value) ? value : [];
      return (
        <div role="group" aria-labelledby={`${inputId}-label`} className="flex flex-wrap gap-3">
          {options.map((o) => (
            <label key={o.value} className="flex items-center gap-2 rounded-md border border-slate-200 px-3 py-1.5 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
              <input
                type="checkbox"
                checked={selected.includes(o.value)}
                onChange={(e) => onChange(e.target.checked ? [...selected, o.value] : selected.filter((v) => v !== o.value), true)}
              />
              {o.label}
            </label>
          ))}
        </div>
      );
    }
    case "NUMBER":
      return (
        <input
          id={inputId}
          aria-labelledby={`${inputId}-label`}
          type="number"
          inputMode="decimal"
          className="w-40 rounded-md border border-slate-300 px-3 py-1.5 text-sm"
          value={typeof value === "number" || typeof value === "string" ? String(value) : ""}
          onChange={(e) => onChange(e.target.value === "" ? null : e.target.value, false)}
          onBlur={onBlur}
        />
      );
    case "DATE":
      return <input id={inputId} aria-labelledby={`${inputId}-label`} type="date" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm" value={typeof value === "string" ? value : ""} onChange={(e) => onChange(e.target.value || null, true)} />;
    case "FILE": {
      const ids = Array.isArray(value) ? value : [];
      return (
        <div className="space-y-2">
          {ids.length ? (
            <ul className="text-sm">
              {ids.map((id) => (
                <li key={id} className="flex items-center gap-3">
                  {fileHref(id) ? (
                    <a className="text-brand-700 hover:underline" href={fileHref(id)!}>
                      {files[id]?.originalName ?? "Attached file"}
                    </a>
                  ) : (
                    <span>{files[id]?.originalName ?? "Attached file"}</span>
                  )}
                  <button type="button" className="text-xs text-red-700 hover:underline" onClick={() => onChange(ids.filter((x) => x !== id), true)}>
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <FileUpload
            uploadUrl={uploadUrl}
            label="Attach a file"
            value={null}
            onChange={(file) => {
              if (!file) return;
              onFileUploaded(file);
              onChange([...ids, file.id], true);
            }}
          />
        </div>
      );
    }
    default:
      return (
        <textarea
          id={inputId}
          aria-labelledby={`${inputId}-label`}
          rows={3}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          value={typeof value === "string" ? value : ""}
          onChange={(e) => onChange(e.target.value, false)}
          onBlur={onBlur}
        />
      );
  }
}
