"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { FormActions } from "@/components/forms/form-actions";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { FormError, SelectField, TextField } from "@/components/ui/field";
import { TextAreaField } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/http/action-result";
import { CLAUSE_STATUSES, clauseLabel, DPA_CLAUSES, enumLabel, TRANSFER_MECHANISMS } from "@/lib/domain/vocabulary";
import { dpaInput, type DpaFormValues, type DpaInput } from "@/lib/validation/evidence";
import { FileUpload, type UploadedFile } from "./file-upload";

/** What each clause must say (PRODUCT.md's checklist), shown beside it. */
export const CLAUSE_HELP: Record<(typeof DPA_CLAUSES)[number], string> = {
  PURPOSE: "Purpose and scope: what the vendor may and may not do with the data.",
  DATA_CATEGORIES: "Categories of personal data and of data subjects.",
  RETENTION: "A finite retention period after processing.",
  SUBPROCESSORS: "Sub-processors listed, notice of changes, right to object.",
  SECURITY_MEASURES: "TLS 1.2+ in transit, AES-256 at rest, access control.",
  LOCATION: "Where data is processed and stored; SCCs or DPF for transfers.",
  AUDIT_RIGHTS: "Your right to audit or to receive audit reports.",
  NO_TRAINING: "Customer data is not used to train or improve models.",
  BREACH_NOTIFICATION: "Breach notice within a stated deadline (GDPR: 72 hours).",
  DELETION_RETURN: "Deletion or return of data at the end, with confirmation.",
  DATA_OWNERSHIP: "The customer owns the data; the vendor is processor only.",
  PORTABILITY_EXIT: "Exit: data export in a usable format.",
};

export function DpaForm({
  initial,
  initialFile,
  submitLabel,
  save,
  doneHref,
}: {
  initial: DpaFormValues;
  initialFile: UploadedFile | null;
  submitLabel: string;
  save: (raw: DpaFormValues) => Promise<ActionResult<{ id: string }>>;
  doneHref: string;
}) {
  const router = useRouter();
  const [file, setFile] = useState<UploadedFile | null>(initialFile);
  const form = useForm<DpaFormValues, unknown, DpaInput>({ resolver: zodResolver(dpaInput), defaultValues: initial });
  const { register, setValue, control, formState } = form;
  const errors = formState.errors;
  const { onSubmit, formError } = useActionSubmit(form, save, () => {
    router.push(doneHref);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-4xl space-y-6" aria-label="DPA">
      <FormError message={formError} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold">The agreement</legend>
        <TextField className="sm:col-span-2" label="Title" error={errors.title?.message} {...register("title")} />
        <TextField label="Signed on" type="date" error={errors.signedAt?.message} {...register("signedAt")} />
        <TextField label="Effective from" type="date" error={errors.effectiveAt?.message} {...register("effectiveAt")} />
        <TextField label="Expires on" type="date" error={errors.expiresAt?.message} {...register("expiresAt")} />
        <TextField label="Breach notice (hours)" type="number" min={0} hint="Leave empty when the DPA states no deadline." error={errors.breachNoticeHours?.message} {...register("breachNoticeHours")} />
        <SelectField label="Transfer mechanism" error={errors.transferMechanism?.message} {...register("transferMechanism")}>
          {TRANSFER_MECHANISMS.map((m) => (
            <option key={m} value={m}>
              {m === "NONE" ? "None" : enumLabel(m)}
            </option>
          ))}
        </SelectField>
        <label className="flex items-center gap-2 self-end text-sm">
          <input type="checkbox" className="h-4 w-4" {...register("isCurrent")} /> This is the current DPA
        </label>
        <div className="sm:col-span-2">
          <FileUpload
            label="Signed document"
            value={file}
            error={errors.fileId?.message}
            onChange={(f) => {
              setFile(f);
              setValue("fileId", f?.id ?? "");
            }}
          />
        </div>
        <TextAreaField className="sm:col-span-2" label="Notes" error={errors.notes?.message} {...register("notes")} />
      </fieldset>

      <fieldset>
        <legend className="mb-2 text-sm font-semibold">Clause checklist</legend>
        <div className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {DPA_CLAUSES.map((clause, i) => (
            <div key={clause} id={`clause-${clause}`} className="scroll-mt-4 grid gap-2 p-3 target:bg-amber-50 sm:grid-cols-[14rem_10rem_1fr]" data-testid={`clause-input-${clause}`}>
              <div>
                <p className="text-sm font-medium">{clauseLabel(clause)}</p>
                <p className="text-xs text-slate-500">{CLAUSE_HELP[clause]}</p>
              </div>
              <Controller
                control={control}
                name={`clauses.${i}.status`}
                render={({ field }) => (
                  <SelectField label={`${clauseLabel(clause)} status`} className="[&_label]:sr-only" {...field}>
                    {CLAUSE_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {enumLabel(s)}
                      </option>
                    ))}
                  </SelectField>
                )}
              />
              <TextField
                label={`${clauseLabel(clause)} evidence`}
                className="[&_label]:sr-only"
                placeholder="Section reference or quote"
                error={errors.clauses?.[i]?.evidence?.message}
                {...register(`clauses.${i}.evidence`)}
              />
              <input type="hidden" {...register(`clauses.${i}.clause`)} />
            </div>
          ))}
        </div>
      </fieldset>

      <FormActions submitLabel={submitLabel} submitting={formState.isSubmitting} />
    </form>
  );
}
