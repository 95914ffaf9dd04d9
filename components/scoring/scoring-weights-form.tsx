"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/http/action-result";
import type { z } from "zod";
import { scoringWeightsInput, type ScoringWeightsForm } from "@/lib/validation/scoring";

export function ScoringWeightsFormView({ initial, save }: { initial: ScoringWeightsForm; save: (raw: unknown) => Promise<ActionResult<{ version: number }>> }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { register, handleSubmit, getValues, setError: setFieldError, formState } = useForm<ScoringWeightsForm, unknown, z.output<typeof scoringWeightsInput>>({ resolver: zodResolver(scoringWeightsInput), defaultValues: initial });
  return (
    <form
      aria-label="Scoring weights"
      noValidate
      className="max-w-md space-y-3"
      onSubmit={handleSubmit(async () => {
        setError(null);
        setDone(null);
        if (!window.confirm("Save these weights as a new scoring model version? Existing snapshots keep the version they were made with.")) return;
        const result = await save(getValues());
        if (!result.ok) {
          setError(result.error);
          applyFieldErrors(setFieldError, result.fieldErrors);
          return;
        }
        setDone(`Saved as scoring model version ${result.data.version}.`);
        router.refresh();
      })}
    >
      <FormError message={error} />
      {done ? (
        <p role="status" className="text-sm text-green-800">
          {done}
        </p>
      ) : null}
      <TextField label="DPA checklist weight" type="number" min={0} max={100} error={formState.errors.dpa?.message} {...register("dpa")} />
      <TextField label="Questionnaire weight" type="number" min={0} max={100} error={formState.errors.questionnaire?.message} {...register("questionnaire")} />
      <TextField label="Certifications weight" type="number" min={0} max={100} error={formState.errors.certifications?.message} {...register("certifications")} />
      <Button type="submit" disabled={formState.isSubmitting}>
        Save as a new version
      </Button>
    </form>
  );
}
