"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConditionsFieldset } from "@/components/reviews/conditions-fieldset";
import { FormError, SelectField, TextField } from "@/components/ui/field";
import { TextAreaField } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/http/action-result";
import { enumLabel } from "@/lib/domain/vocabulary";
import { USE_CASE_OUTCOMES, useCaseDecisionInput, type UseCaseDecisionFormValues, type UseCaseDecisionInput } from "@/lib/validation/use-case";

/**
 * The compliance decision for one use case. When the use case is CRITICAL, approving needs an
 * exception; its fields open with the checkbox (and are open from the start for a CRITICAL one
 * with no exception in force). No outcome is preselected; once a decision is recorded the form
 * folds away into what was recorded (a later re-decision opens it again, empty).
 */
export function UseCaseDecisionForm({
  useCaseId,
  critical,
  hasActiveException,
  decide,
}: {
  useCaseId: string;
  critical: boolean;
  hasActiveException: boolean;
  decide: (raw: UseCaseDecisionFormValues) => Promise<ActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const [recorded, setRecorded] = useState<string | null>(null);
  const form = useForm<UseCaseDecisionFormValues, unknown, UseCaseDecisionInput>({
    resolver: zodResolver(useCaseDecisionInput),
    defaultValues: {
      useCaseId,
      outcome: undefined,
      justification: "",
      conditions: [],
      expiresAt: "",
      withException: critical && !hasActiveException,
      exception: { justification: "", riskAccepted: "", clientConsent: "NO", consentBy: "", consentAt: "", expiresAt: "" },
    },
  });
  const { register, control, formState } = form;
  const outcome = useWatch({ control, name: "outcome" });
  const withException = useWatch({ control, name: "withException" });
  const consent = useWatch({ control, name: "exception.clientConsent" });
  const { fields, append, remove } = useFieldArray({ control, name: "conditions" });
  const { onSubmit, formError } = useActionSubmit(form, decide, (_data, values) => {
    // The decision is recorded: clear the form (the exception, if any, is now in force), fold it
    // away into what was recorded, and show the page as it now is.
    form.reset({ ...form.formState.defaultValues, outcome: undefined, withException: false });
    setRecorded(values.outcome);
    router.refresh();
  });
  const errors = formState.errors;
  const ex = errors.exception;
  // A server-side field error (no input of its own): an approval of a CRITICAL use case without an exception.
  const withExceptionError = (errors as Record<string, { message?: string } | undefined>).withException?.message;
  if (recorded) {
    return (
      <Card title="Decision recorded">
        <div role="status" className="space-y-2 text-sm" data-testid="use-case-decision-recorded">
          <p>
            Recorded: <strong>{enumLabel(recorded)}</strong>. It shows in the approval above.
          </p>
          <Button variant="secondary" onClick={() => setRecorded(null)}>
            Record a new decision
          </Button>
        </div>
      </Card>
    );
  }
  return (
    <Card title="Decision">
      <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Use case decision">
        <FormError message={formError} />
        <SelectField label="Decision" error={errors.outcome?.message} {...register("outcome")}>
          <option value="">Choose a decision…</option>
          {USE_CASE_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {enumLabel(o)}
            </option>
          ))}
        </SelectField>
        <TextAreaField label="Justification" rows={3} error={errors.justification?.message} {...register("justification")} />
        {outcome !== "REJECTED" ? (
          <TextField label="Approval expires (optional)" type="date" hint="Otherwise it holds until the next review or until its evidence expires, whichever is first." error={errors.expiresAt?.message} {...register("expiresAt")} />
        ) : null}
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
        {outcome !== "REJECTED" ? (
          <div className="space-y-3 rounded-md border border-slate-200 p-3">
            <label className="inline-flex items-center gap-2 text-sm font-medium">
              <input type="checkbox" className="h-4 w-4" {...register("withException")} /> Record a risk exception
            </label>
            {withExceptionError ? (
              <p role="alert" className="text-sm text-red-600">
                {withExceptionError}
              </p>
            ) : null}
            <p className="text-xs text-slate-600">
              {critical
                ? hasActiveException
                  ? "This use case is CRITICAL; an exception is in force, so it may be approved. Record a new one to replace it."
                  : "This use case is CRITICAL: it can only be approved with a documented, time-boxed exception."
                : "Needed only for a CRITICAL use case."}
            </p>
            {withException ? (
              <div className="grid gap-3 sm:grid-cols-2">
                <TextAreaField className="sm:col-span-2" label="Exception justification" rows={2} error={ex?.justification?.message} {...register("exception.justification")} />
                <TextAreaField className="sm:col-span-2" label="Risk accepted" rows={2} error={ex?.riskAccepted?.message} {...register("exception.riskAccepted")} />
                <SelectField label="Client consent" error={ex?.clientConsent?.message} {...register("exception.clientConsent")}>
                  <option value="NO">No consent given</option>
                  <option value="YES">Yes, the client consented</option>
                </SelectField>
                <TextField label="Exception expires" type="date" error={ex?.expiresAt?.message} {...register("exception.expiresAt")} />
                {consent === "YES" ? (
                  <>
                    <TextField label="Consent given by" error={ex?.consentBy?.message} {...register("exception.consentBy")} />
                    <TextField label="Consent date" type="date" error={ex?.consentAt?.message} {...register("exception.consentAt")} />
                  </>
                ) : null}
              </div>
            ) : null}
          </div>
        ) : null}
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Recording…" : "Record decision"}
        </Button>
      </form>
    </Card>
  );
}
