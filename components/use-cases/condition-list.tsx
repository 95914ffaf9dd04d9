"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Badge } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { TextAreaField } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/http/action-result";
import { conditionMetInput, type ConditionMetInput } from "@/lib/validation/decision";

export interface ConditionEntry {
  id: string;
  text: string;
  /** Calendar date (YYYY-MM-DD) or null. */
  dueOn: string | null;
  metAt: string | null;
  metBy: string | null;
  metNote: string | null;
}

type RecordMet = (raw: unknown) => Promise<ActionResult<{ id: string }>>;

/**
 * The conditions of one decision, each open, overdue or met (by whom, when and how). Someone
 * allowed to may record an open one as met, saying how: that stops its reminders.
 */
export function ConditionList({ conditions, today, superseded = false, recordMet }: { conditions: ConditionEntry[]; today: string; superseded?: boolean; recordMet?: RecordMet }) {
  return (
    <ul className="mt-2 space-y-2" aria-label="Conditions">
      {conditions.map((c) => (
        <li key={c.id} className="rounded-md bg-slate-50 px-3 py-2" data-testid="condition">
          <p className="flex flex-wrap items-center gap-2">
            {c.metAt ? <Badge tone="green">Met</Badge> : superseded ? <Badge>Superseded</Badge> : c.dueOn && c.dueOn < today ? <Badge tone="red">Overdue</Badge> : <Badge tone="amber">Open</Badge>}
            <span className="text-slate-800">{c.text}</span>
            {c.dueOn ? <span className="text-slate-500">(due {c.dueOn})</span> : null}
          </p>
          {c.metAt ? (
            <p className="mt-1 text-slate-600">
              Recorded as met by {c.metBy ?? "a former user"} on {c.metAt.slice(0, 10)}: <span className="whitespace-pre-line">{c.metNote}</span>
            </p>
          ) : recordMet ? (
            <RecordMetForm conditionId={c.id} conditionText={c.text} recordMet={recordMet} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function RecordMetForm({ conditionId, conditionText, recordMet }: { conditionId: string; conditionText: string; recordMet: RecordMet }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const form = useForm<ConditionMetInput>({ resolver: zodResolver(conditionMetInput), defaultValues: { conditionId, note: "" } });
  const { onSubmit, formError } = useActionSubmit(form, recordMet as (raw: ConditionMetInput) => Promise<ActionResult<{ id: string }>>, () => {
    setOpen(false);
    router.refresh();
  });
  const { setFocus } = form;
  useEffect(() => {
    if (open) setFocus("note");
  }, [open, setFocus]);

  if (!open) {
    return (
      <div className="mt-2">
        <Button ref={opener} variant="secondary" onClick={() => setOpen(true)} aria-label={`Record as met: ${conditionText}`}>
          Record as met
        </Button>
      </div>
    );
  }
  const close = () => {
    setOpen(false);
    form.reset();
    requestAnimationFrame(() => opener.current?.focus());
  };
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="mt-2 space-y-2"
      aria-label={`Record as met: ${conditionText}`}
      onKeyDown={(e) => {
        if (e.key === "Escape") close();
      }}
    >
      <FormError message={formError} />
      <TextAreaField
        label="How was it met?"
        hint="The evidence a reviewer or auditor will look for: what was done, by whom, and where the proof is."
        error={form.formState.errors.note?.message}
        {...form.register("note")}
      />
      <div className="flex gap-2">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? "Saving…" : "Record as met"}
        </Button>
        <Button variant="secondary" onClick={close}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
