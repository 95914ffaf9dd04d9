"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { Controller, useForm, useWatch } from "react-hook-form";
import { FormActions } from "@/components/forms/form-actions";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { AsyncCombobox } from "@/components/ui/async-combobox";
import { FormError, SelectField, TextField } from "@/components/ui/field";
import { TextAreaField } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/http/action-result";
import { DEPLOYMENT_MODELS, enumLabel, PRODUCT_TIERS, RETENTION_KINDS, TRAINING_POLICIES } from "@/lib/domain/vocabulary";
import { productInput, TRI_STATES, type ProductFormValues, type ProductInput } from "@/lib/validation/product";

const RETENTION_LABELS = { DAYS: "A set number of days", UNLIMITED: "Unlimited", UNKNOWN: "Unknown" } as const;
const TRI_LABELS = { YES: "Yes", NO: "No", UNKNOWN: "Unknown" } as const;

export function ProductForm({
  vendorLabel,
  initial,
  submitLabel,
  save,
}: {
  /** The name of initial.vendorId's vendor (edit pages, "new product" of a vendor). */
  vendorLabel?: string;
  initial: ProductFormValues;
  submitLabel: string;
  save: (raw: ProductFormValues) => Promise<ActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const form = useForm<ProductFormValues, unknown, ProductInput>({ resolver: zodResolver(productInput), defaultValues: initial });
  const { register, control, formState } = form;
  const { onSubmit, formError } = useActionSubmit(form, save, (data) => router.push(`/products/${data.id}`));
  const retentionKind = useWatch({ control, name: "retentionKind" });
  const errors = formState.errors;

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl space-y-6" aria-label="Product">
      <FormError message={formError} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-slate-800">The product as bought</legend>
        {/* Vendors are searched on the server (issue 17): the page never ships the whole register. */}
        <Controller
          control={control}
          name="vendorId"
          render={({ field, fieldState }) => (
            <AsyncCombobox
              label="Vendor"
              source="/api/pickers/vendors"
              placeholder="Type a vendor name…"
              value={field.value}
              selectedLabel={vendorLabel}
              onChange={(option) => field.onChange(option?.id ?? "")}
              onBlur={field.onBlur}
              inputRef={field.ref}
              error={fieldState.error?.message}
            />
          )}
        />
        <TextField label="Product name" error={errors.name?.message} {...register("name")} />
        <SelectField id="fact-tier" label="Tier" error={errors.tier?.message} {...register("tier")}>
          {PRODUCT_TIERS.map((t) => (
            <option key={t} value={t}>
              {enumLabel(t)}
            </option>
          ))}
        </SelectField>
        <SelectField label="Deployment model" error={errors.deploymentModel?.message} {...register("deploymentModel")}>
          {DEPLOYMENT_MODELS.map((t) => (
            <option key={t} value={t}>
              {enumLabel(t)}
            </option>
          ))}
        </SelectField>
        <TextAreaField className="sm:col-span-2" label="Description" error={errors.description?.message} {...register("description")} />
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-slate-800">Data handling</legend>
        <TextField
          id="fact-processingRegions"
          label="Processing regions"
          hint="Region codes, comma-separated: EU, US, UK, APAC… Leave empty if unknown."
          error={errors.processingRegions?.message}
          {...register("processingRegions")}
        />
        <SelectField id="fact-trainingPolicy" label="Training on customer data" error={errors.trainingPolicy?.message} {...register("trainingPolicy")}>
          {TRAINING_POLICIES.map((t) => (
            <option key={t} value={t}>
              {enumLabel(t)}
            </option>
          ))}
        </SelectField>
        <SelectField id="fact-retentionKind" label="Retention" error={errors.retentionKind?.message} {...register("retentionKind")}>
          {RETENTION_KINDS.map((t) => (
            <option key={t} value={t}>
              {RETENTION_LABELS[t]}
            </option>
          ))}
        </SelectField>
        {retentionKind === "DAYS" ? (
          <TextField label="Retention (days)" type="number" min={0} inputMode="numeric" error={errors.retentionDays?.message} {...register("retentionDays")} />
        ) : (
          <div />
        )}
        <SelectField label="Encryption in transit" error={errors.encryptionInTransit?.message} {...register("encryptionInTransit")}>
          {TRI_STATES.map((t) => (
            <option key={t} value={t}>
              {TRI_LABELS[t]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Encryption at rest" error={errors.encryptionAtRest?.message} {...register("encryptionAtRest")}>
          {TRI_STATES.map((t) => (
            <option key={t} value={t}>
              {TRI_LABELS[t]}
            </option>
          ))}
        </SelectField>
        <label className="flex items-center gap-2 text-sm text-slate-700 sm:col-span-2">
          <input type="checkbox" className="h-4 w-4 rounded border-slate-300" {...register("zeroRetentionAvailable")} />
          Zero data retention is available
        </label>
      </fieldset>

      <FormActions submitLabel={submitLabel} submitting={formState.isSubmitting} />
    </form>
  );
}
