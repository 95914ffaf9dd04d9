"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { Controller, useForm } from "react-hook-form";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { AsyncCombobox } from "@/components/ui/async-combobox";
import { Button } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { FormError, SelectField, TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/http/action-result";
import { DATA_CLASSES } from "@/lib/domain/vocabulary";
import { useCaseInput, type UseCaseFormValues, type UseCaseInput } from "@/lib/validation/use-case";

/** Proposes a use case: a client using a product for a purpose with certain data classes. */
export function UseCaseForm({
  clients,
  productLabel,
  initial,
  save,
}: {
  clients: Array<{ id: string; name: string }>;
  /** The label of initial.productId, when one is preset. */
  productLabel?: string;
  initial: Partial<UseCaseFormValues>;
  save: (raw: UseCaseFormValues) => Promise<ActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const form = useForm<UseCaseFormValues, unknown, UseCaseInput>({
    resolver: zodResolver(useCaseInput),
    defaultValues: { clientId: "", productId: "", purpose: "", dataClasses: [], ...initial },
  });
  const { register, control, formState } = form;
  const errors = formState.errors;
  const { onSubmit, formError } = useActionSubmit(form, save, (data) => router.push(`/use-cases/${data.id}`));
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="New use case">
      <FormError message={formError} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label="Client" error={errors.clientId?.message} {...register("clientId")}>
          <option value="">Choose a client…</option>
          {clients.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        {/* Products are searched on the server (issue 17): the page never ships the whole register. */}
        <Controller
          control={control}
          name="productId"
          render={({ field, fieldState }) => (
            <AsyncCombobox
              label="Product"
              source="/api/pickers/products"
              placeholder="Type a vendor or product name…"
              value={field.value}
              selectedLabel={productLabel}
              onChange={(option) => field.onChange(option?.id ?? "")}
              onBlur={field.onBlur}
              inputRef={field.ref}
              error={fieldState.error?.message}
            />
          )}
        />
      </div>
      <TextField label="Purpose" placeholder="e.g. Summarising support tickets" error={errors.purpose?.message} {...register("purpose")} />
      <CheckboxGroup legend="Data classes this use carries" options={DATA_CLASSES.map((d) => ({ value: d, label: d === "CONFIDENTIAL" ? "Confidential" : d }))} registration={register("dataClasses")} error={errors.dataClasses?.message} />
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Saving…" : "Propose use case"}
      </Button>
    </form>
  );
}
