"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { FormActions } from "@/components/forms/form-actions";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { FormError, TextField } from "@/components/ui/field";
import { TextAreaField } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/http/action-result";
import { vendorInput, type VendorFormValues, type VendorInput } from "@/lib/validation/vendor";

export function VendorForm({
  initial,
  submitLabel,
  save,
}: {
  initial?: VendorFormValues;
  submitLabel: string;
  save: (raw: VendorFormValues) => Promise<ActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const form = useForm<VendorFormValues, unknown, VendorInput>({
    resolver: zodResolver(vendorInput),
    defaultValues: initial ?? { name: "", website: "", description: "" },
  });
  const { register, formState } = form;
  const { onSubmit, formError } = useActionSubmit(form, save, (data) => router.push(`/vendors/${data.id}`));

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4" aria-label="Vendor">
      <FormError message={formError} />
      <TextField label="Name" error={formState.errors.name?.message} {...register("name")} />
      <TextField label="Website" type="url" placeholder="https://" error={formState.errors.website?.message} {...register("website")} />
      <TextAreaField label="Description" error={formState.errors.description?.message} {...register("description")} />
      <FormActions submitLabel={submitLabel} submitting={formState.isSubmitting} />
    </form>
  );
}
