"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm } from "react-hook-form";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/http/action-result";
import { subProcessorListInput, type SubProcessorListFormValues, type SubProcessorListInput } from "@/lib/validation/evidence";

export function SubProcessorEditor({
  initial,
  save,
  doneHref,
}: {
  initial: SubProcessorListFormValues;
  save: (raw: SubProcessorListFormValues) => Promise<ActionResult<{ id: string; changed: boolean }>>;
  doneHref: string;
}) {
  const router = useRouter();
  const form = useForm<SubProcessorListFormValues, unknown, SubProcessorListInput>({ resolver: zodResolver(subProcessorListInput), defaultValues: initial });
  const { register, control, formState } = form;
  const { fields, append, remove } = useFieldArray({ control, name: "items" });
  const errors = formState.errors.items;
  const { onSubmit, formError } = useActionSubmit(form, save, () => {
    router.push(doneHref);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-5xl space-y-4" aria-label="Sub-processors">
      <FormError message={formError} />
      {fields.length === 0 ? <p className="text-sm text-slate-600">No sub-processors. Add the companies this product passes data to.</p> : null}
      <ol className="space-y-3">
        {fields.map((field, i) => (
          <li key={field.id} className="grid items-end gap-2 rounded-md border border-slate-200 bg-white p-3 sm:grid-cols-[1fr_1fr_10rem_10rem_auto]">
            <TextField label={`Name (${i + 1})`} error={errors?.[i]?.name?.message} {...register(`items.${i}.name`)} />
            <TextField label="Purpose" error={errors?.[i]?.purpose?.message} {...register(`items.${i}.purpose`)} />
            <TextField label="Country" error={errors?.[i]?.country?.message} {...register(`items.${i}.country`)} />
            <TextField label="Region" error={errors?.[i]?.region?.message} {...register(`items.${i}.region`)} />
            <Button variant="ghost" aria-label={`Remove sub-processor ${i + 1}`} onClick={() => remove(i)}>
              Remove
            </Button>
          </li>
        ))}
      </ol>
      <div className="flex gap-2">
        <Button variant="secondary" onClick={() => append({ name: "", purpose: "", country: "", region: "" })}>
          Add sub-processor
        </Button>
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Saving…" : "Save list"}
        </Button>
      </div>
    </form>
  );
}
