"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Button } from "@/components/ui/button";
import { FormError, SelectField, TextField } from "@/components/ui/field";
import { TextAreaField } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/http/action-result";
import { sendVendorRequestInput, type SendVendorRequestInput } from "@/lib/validation/vendor-request";

type Values = {
  productId: string;
  templateVersionId: string;
  contactName: string;
  contactEmail: string;
  dueOn: string;
  message: string;
  skippedSectionKeys: string[];
  passcode: string;
  reuseLastAnswers: boolean;
};

export interface VersionChoice {
  id: string;
  label: string;
  sections: Array<{ key: string; title: string }>;
}

/** Sends a questionnaire to the vendor's contact. The link is shown once: only its hash is kept. */
export function SendRequestForm({
  productId,
  versions,
  contact,
  defaultDueOn,
  canReuse,
  send,
}: {
  productId: string;
  versions: VersionChoice[];
  contact: { name: string; email: string };
  defaultDueOn: string;
  /** The vendor has accepted answers from an earlier request. */
  canReuse: boolean;
  send: (raw: unknown) => Promise<ActionResult<{ id: string; url: string; expiresAt: string }>>;
}) {
  const [sent, setSent] = useState<{ id: string; url: string; expiresAt: string } | null>(null);
  const form = useForm<Values, unknown, SendVendorRequestInput>({
    resolver: zodResolver(sendVendorRequestInput) as never,
    defaultValues: { productId, templateVersionId: versions[0]?.id ?? "", contactName: contact.name, contactEmail: contact.email, dueOn: defaultDueOn, message: "", skippedSectionKeys: [], passcode: "", reuseLastAnswers: false },
  });
  const { register, formState, control } = form;
  const errors = formState.errors;
  const chosenId = useWatch({ control, name: "templateVersionId" });
  const chosen = versions.find((v) => v.id === chosenId);
  const { onSubmit, formError } = useActionSubmit(form, send as (raw: Values) => Promise<ActionResult<{ id: string; url: string; expiresAt: string }>>, (data) => setSent(data));

  if (sent) {
    return (
      <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4">
        <p role="status" className="text-sm font-medium text-amber-900">
          Sent to {form.getValues("contactEmail")}. The link works until {sent.expiresAt.slice(0, 10)}. Copy it now if you need it: it will not be shown again.
        </p>
        <label htmlFor="vendor-link-url" className="sr-only">
          Questionnaire link
        </label>
        <input id="vendor-link-url" readOnly value={sent.url} className="w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
        <Link href={`/vendor-requests/${sent.id}`} className="text-sm text-brand-700 hover:underline">
          Open the request
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4" aria-label="Send a questionnaire to the vendor">
      <FormError message={formError} />
      <SelectField label="Questionnaire" error={errors.templateVersionId?.message} {...register("templateVersionId")}>
        {versions.map((v) => (
          <option key={v.id} value={v.id}>
            {v.label}
          </option>
        ))}
      </SelectField>
      {chosen && chosen.sections.length > 1 ? (
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-slate-700">Sections to skip (optional)</legend>
          <div className="space-y-1">
            {chosen.sections.map((s) => (
              <label key={s.key} className="flex items-center gap-2 text-sm">
                <input type="checkbox" value={s.key} {...register("skippedSectionKeys")} />
                {s.title}
              </label>
            ))}
          </div>
          {errors.skippedSectionKeys?.message ? <p className="mt-1 text-sm text-red-600">{errors.skippedSectionKeys.message}</p> : null}
        </fieldset>
      ) : null}
      <TextField label="Contact name" autoComplete="off" error={errors.contactName?.message} {...register("contactName")} />
      <TextField label="Contact email" type="email" autoComplete="off" error={errors.contactEmail?.message} {...register("contactEmail")} />
      <TextField label="Due date" type="date" error={errors.dueOn?.message} hint="Reminders go out 7 days and 1 day before, and when it is overdue." {...register("dueOn")} />
      <TextAreaField label="Message (optional)" rows={3} error={errors.message?.message} {...register("message")} />
      <TextField label="Passcode (optional)" type="password" autoComplete="new-password" hint="At least 6 characters. Give it to the contact separately from the link." error={errors.passcode?.message} {...register("passcode")} />
      {canReuse ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" {...register("reuseLastAnswers")} />
          Start from this vendor&apos;s last accepted answers (they confirm or change each)
        </label>
      ) : null}
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Sending…" : "Send questionnaire"}
      </Button>
    </form>
  );
}
