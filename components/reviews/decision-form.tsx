"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConditionsFieldset } from "@/components/reviews/conditions-fieldset";
import { FormError, SelectField } from "@/components/ui/field";
import { TextAreaField } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/http/action-result";
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
          {formState.isSubmitting ? "Recording…" : "Record decision"}
        </Button>
      </form>
    </Card>
  );
}
