"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { FormActions } from "@/components/forms/form-actions";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { FormError, SelectField, TextField } from "@/components/ui/field";
import { TextAreaField } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/http/action-result";
import { DATA_CLASSES, FRAMEWORKS, RESIDENCIES } from "@/lib/domain/vocabulary";
import { clientInput, type ClientFormValues, type ClientInput } from "@/lib/validation/client";

const RESIDENCY_LABELS: Record<string, string> = { EU: "EU", US: "US", UK: "UK", ANY: "Any region" };

export function ClientForm({ initial, submitLabel, save }: { initial?: ClientFormValues; submitLabel: string; save: (raw: ClientFormValues) => Promise<ActionResult<{ id: string }>> }) {
  const router = useRouter();
  const form = useForm<ClientFormValues, unknown, ClientInput>({
    resolver: zodResolver(clientInput),
    defaultValues: initial ?? { name: "", dataClasses: [], residency: "ANY", frameworks: [], contactEmail: "", notes: "" },
  });
  const { register, formState } = form;
  const errors = formState.errors;
  const { onSubmit, formError } = useActionSubmit(form, save, (data) => router.push(`/clients/${data.id}`));
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4" aria-label="Client">
      <FormError message={formError} />
      <TextField label="Name" error={errors.name?.message} {...register("name")} />
      <CheckboxGroup
        legend="Data classes it handles"
        options={DATA_CLASSES.map((d) => ({ value: d, label: d === "CONFIDENTIAL" ? "Confidential" : d }))}
        registration={register("dataClasses")}
        error={errors.dataClasses?.message}
        hint="PHI needs a HIPAA BAA from every product that touches it."
      />
      <SelectField label="Required data residency" error={errors.residency?.message} hint="A product that does not process there, without SCCs or DPF, raises RESIDENCY_MISMATCH." {...register("residency")}>
        {RESIDENCIES.map((r) => (
          <option key={r} value={r}>
            {RESIDENCY_LABELS[r]}
          </option>
        ))}
      </SelectField>
      <CheckboxGroup legend="Frameworks" options={FRAMEWORKS.map((f) => ({ value: f, label: f }))} registration={register("frameworks")} error={errors.frameworks?.message} />
      <TextField label="Contact e-mail" type="email" error={errors.contactEmail?.message} {...register("contactEmail")} />
      <TextAreaField label="Notes" error={errors.notes?.message} {...register("notes")} />
      <FormActions submitLabel={submitLabel} submitting={formState.isSubmitting} />
    </form>
  );
}
