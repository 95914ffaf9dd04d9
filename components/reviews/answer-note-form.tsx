"use client";

import { useEffect, useId, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/http/action-result";

/** A reviewer's note as the browser holds it (dates as ISO strings). */
export interface AnswerNote {
  id: string;
  kind: "COMMENT" | "REQUEST_INFO";
  body: string;
  authorLabel: string;
  createdAt: string;
}

/**
 * Comment on, or ask for information about, one answer. Closed by default (a button opens it, so
 * a long list stays readable); the note is shown once the server has it.
 */
export function AnswerNoteForm({
  assessmentId,
  questionKey,
  prompt,
  addNote,
  onAdded,
}: {
  assessmentId: string;
  questionKey: string;
  prompt: string;
  addNote: (raw: unknown) => Promise<ActionResult<AnswerNote>>;
  onAdded: (note: AnswerNote) => void;
}) {
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  // Keyboard users land where they were: in the note when it opens, back on its button when it closes.
  useEffect(() => {
    if (open) textarea.current?.focus();
    else if (wasOpen.current) toggle.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const send = (kind: AnswerNote["kind"]) =>
    startTransition(async () => {
      setError(null);
      const result = await addNote({ assessmentId, questionKey, kind, body });
      if (!result.ok) {
        setError(result.fieldErrors?.body ?? result.fieldErrors?.kind ?? result.error);
        textarea.current?.focus();
        return;
      }
      onAdded(result.data);
      setBody("");
      setOpen(false);
    });

  if (!open) {
    return (
      <button
        type="button"
        className="mt-2 text-xs text-brand-700 underline"
        ref={toggle}
        aria-expanded="false"
        onClick={() => setOpen(true)}
      >
        Comment or ask about this answer
      </button>
    );
  }
  return (
    <div className="mt-2 space-y-2 rounded-md border border-slate-200 p-2">
      <label htmlFor={`${id}-body`} className="block text-xs font-medium text-slate-700">
        Note on: {prompt}
      </label>
      <textarea
        ref={textarea}
        id={`${id}-body`}
        rows={2}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-red-500"
      />
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-600" role="alert">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" disabled={pending} onClick={() => send("COMMENT")}>
          Add comment
        </Button>
        <Button variant="secondary" disabled={pending} onClick={() => send("REQUEST_INFO")}>
          Request information
        </Button>
        <Button variant="secondary" disabled={pending} onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
