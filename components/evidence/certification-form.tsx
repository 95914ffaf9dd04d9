"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { FormActions } from "@/components/forms/form-actions";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { FormError, SelectField, TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/http/action-result";
import { CERTIFICATION_TYPES, enumLabel } from "@/lib/domain/vocabulary";
import { certificationInput, type CertificationFormValues, type CertificationInput } from "@/lib/validation/evidence";
import { FileUpload, type UploadedFile } from "./file-upload";

export function CertificationForm({
  initial,
  initialFile,
  submitLabel,
  save,
  doneHref,
}: {
  initial: CertificationFormValues;
  initialFile: UploadedFile | null;
  submitLabel: string;
  save: (raw: CertificationFormValues) => Promise<ActionResult<{ id: string }>>;
  doneHref: string;
}) {
  const router = useRouter();
  const [file, setFile] = useState<UploadedFile | null>(initialFile);
  const form = useForm<CertificationFormValues, unknown, CertificationInput>({ resolver: zodResolver(certificationInput), defaultValues: initial });
  const { register, setValue, control, formState } = form;
  const type = useWatch({ control, name: "type" });
  const errors = formState.errors;
  const { onSubmit, formError } = useActionSubmit(form, save, () => {
    router.push(doneHref);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-2xl gap-4 sm:grid-cols-2" aria-label="Certification">
      <div className="sm:col-span-2">
        <FormError message={formError} />
      </div>
      <SelectField label="Certification" required error={errors.type?.message} {...register("type")}>
        <option value="">Choose…</option>
        {CERTIFICATION_TYPES.map((t) => (
          <option key={t} value={t}>
            {enumLabel(t)}
          </option>
        ))}
      </SelectField>
      {type === "OTHER" ? <TextField label="Name" error={errors.name?.message} {...register("name")} /> : <div />}
      <TextField label="Issuer (auditor)" required error={errors.issuer?.message} {...register("issuer")} />
      <TextField label="Scope" error={errors.scope?.message} {...register("scope")} />
      <TextField label="Issued on" type="date" required error={errors.issuedAt?.message} {...register("issuedAt")} />
      <TextField label="Expires on" type="date" required error={errors.expiresAt?.message} {...register("expiresAt")} />
      <div className="sm:col-span-2">
        {(type === "SOC2_TYPE_II" || type === "ISO_27001") && !file ? (
          <p className="mb-2 text-sm text-amber-800" data-testid="unverified-hint">
            Without the report or certificate attached, this counts as unverified: half credit, and it does not clear &ldquo;No independent audit&rdquo;.
          </p>
        ) : null}
        <FileUpload
          label="Report or certificate"
          value={file}
          error={errors.fileId?.message}
          onChange={(f) => {
            setFile(f);
            setValue("fileId", f?.id ?? "");
          }}
        />
      </div>
      <FormActions className="sm:col-span-2" submitLabel={submitLabel} submitting={formState.isSubmitting} />
    </form>
  );
}
