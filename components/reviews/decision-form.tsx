"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormError, SelectField, TextField } from "@/components/ui/field";
import { TextAreaField } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/auth/guarded-action";
import { enumLabel } from "@/lib/domain/vocabulary";
import { DECISION_OUTCOMES, decisionInput, type DecisionFormValues } from "@/lib/validation/decision";

export function DecisionForm({ assessmentId, decide }: { assessmentId: string; decide: (raw: DecisionFormValues) => Promise<ActionResult<{ id: string }>> }) {
  const router = useRouter();
  const form = useForm<DecisionFormValues, unknown, z.output<typeof decisionInput>>({
    resolver: zodResolver(decisionInput),
    defaultValues: { assessmentId, outcome: "APPROVED", justification: "", conditions: [] },
  });
  const { register, control, formState } = form;
  const outcome = useWatch({ control, name: "outcome" });
  const { fields, append, remove } = useFieldArray({ control, name: "conditions" });
  const { onSubmit, formError } = useActionSubmit(form, decide, () => router.refresh());
  const errors = formState.errors;
  return (
    <Card title="Decision">
      <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Decision">
        <FormError message={formError} />
        <SelectField label="Decision" error={errors.outcome?.message} {...register("outcome")}>
          {DECISION_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {enumLabel(o)}
            </option>
          ))}
        </SelectField>
        <TextAreaField label="Justification" rows={3} error={errors.justification?.message} {...register("justification")} />
        {outcome === "APPROVED_WITH_CONDITIONS" ? (
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">Conditions</legend>
            {errors.conditions?.message ? (
              <p role="alert" className="text-sm text-red-600">
                {errors.conditions.message}
              </p>
            ) : null}
            {fields.map((f, i) => (
              <div key={f.id} className="grid gap-2 sm:grid-cols-[1fr_10rem_auto]">
                <TextField label={`Condition ${i + 1}`} error={errors.conditions?.[i]?.text?.message} {...register(`conditions.${i}.text`)} />
                <TextField label="Due" type="date" error={errors.conditions?.[i]?.dueAt?.message} {...register(`conditions.${i}.dueAt`)} />
                <Button variant="ghost" className="self-end" onClick={() => remove(i)}>
                  Remove
                </Button>
              </div>
            ))}
            <Button variant="secondary" onClick={() => append({ text: "", dueAt: "" })}>
              Add condition
            </Button>
          </fieldset>
        ) : null}
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Recording…" : "Record decision"}
        </Button>
      </form>
    </Card>
  );
}
