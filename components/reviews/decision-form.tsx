"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConditionsFieldset } from "@/components/reviews/conditions-fieldset";
import { FormError } from "@/components/ui/field";
import { TextAreaField } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/http/action-result";
import { enumLabel } from "@/lib/domain/vocabulary";
import { DECISION_OUTCOMES, decisionInput, type DecisionFormValues } from "@/lib/validation/decision";

const OUTCOME_HINTS: Record<(typeof DECISION_OUTCOMES)[number], string> = {
  APPROVED: "The product may be used as assessed.",
  APPROVED_WITH_CONDITIONS: "Approved, with conditions you list below.",
  REJECTED: "The product may not be used.",
  CHANGES_REQUESTED: "Back to the filler to answer or fix; your notes on answers go with it.",
};

/**
 * The compliance officer's decision on a submitted assessment. Nothing is preselected: the
 * outcome is a deliberate choice, and submitting without one is a field error. Once recorded the
 * form is gone: it collapses into the decision as recorded (the page refreshes into the decision
 * history), so no form is ever left open showing an outcome.
 */
export function DecisionForm({ assessmentId, decide }: { assessmentId: string; decide: (raw: DecisionFormValues) => Promise<ActionResult<{ id: string }>> }) {
  const router = useRouter();
  const [recorded, setRecorded] = useState<{ outcome: string; justification: string } | null>(null);
  const form = useForm<DecisionFormValues, unknown, z.output<typeof decisionInput>>({
    resolver: zodResolver(decisionInput),
    defaultValues: { assessmentId, outcome: undefined, justification: "", conditions: [] },
  });
  const { register, control, formState } = form;
  const outcome = useWatch({ control, name: "outcome" });
  const { fields, append, remove } = useFieldArray({ control, name: "conditions" });
  const { onSubmit, formError } = useActionSubmit(form, decide, (_data, values) => {
    setRecorded({ outcome: values.outcome, justification: values.justification });
    router.refresh();
  });
  const errors = formState.errors;
  const recordedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (recorded) recordedRef.current?.focus();
  }, [recorded]);

  if (recorded) {
    return (
      <Card title="Decision recorded">
        <div ref={recordedRef} tabIndex={-1} role="status" data-testid="decision-recorded" className="text-sm outline-none">
          <p>
            <strong>{enumLabel(recorded.outcome)}</strong>: {recorded.justification}
          </p>
        </div>
      </Card>
    );
  }

  const outcomeError = errors.outcome?.message;
  return (
    <Card title="Decision">
      <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Decision">
        <FormError message={formError} />
        <fieldset aria-describedby={outcomeError ? "decision-outcome-error" : undefined} aria-invalid={outcomeError ? true : undefined}>
          <legend className="mb-1 text-sm font-medium text-slate-700">Decision</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {DECISION_OUTCOMES.map((o) => (
              <label
                key={o}
                className={`flex cursor-pointer items-start gap-2 rounded-md border px-3 py-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600 ${outcomeError ? "border-red-400" : "border-slate-200"}`}
              >
                <input type="radio" value={o} className="mt-1" {...register("outcome")} />
                <span>
                  <span className="block font-medium">{enumLabel(o)}</span>
                  <span className="block text-xs text-slate-600">{OUTCOME_HINTS[o]}</span>
                </span>
              </label>
            ))}
          </div>
          {outcomeError ? (
            <p id="decision-outcome-error" className="mt-1 text-sm text-red-600">
              {outcomeError}
            </p>
          ) : null}
        </fieldset>
        <TextAreaField label="Justification" rows={3} error={errors.justification?.message} {...register("justification")} />
        {outcome === "APPROVED_WITH_CONDITIONS" ? (
          <ConditionsFieldset
            rows={fields}
            error={errors.conditions?.message}
            fieldErrors={(i) => ({ text: errors.conditions?.[i]?.text?.message, dueAt: errors.conditions?.[i]?.dueAt?.message })}
            register={(i) => ({ text: register(`conditions.${i}.text`), dueAt: register(`conditions.${i}.dueAt`) })}
            onAdd={() => append({ text: "", dueAt: "" })}
            onRemove={remove}
          />
        ) : null}
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Recording…" : outcome ? `Record decision: ${enumLabel(outcome)}` : "Record decision"}
        </Button>
      </form>
    </Card>
  );
}
