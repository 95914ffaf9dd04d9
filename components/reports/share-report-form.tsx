"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { AsyncCombobox } from "@/components/ui/async-combobox";
import { Button } from "@/components/ui/button";
import { FormError, SelectField, TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/http/action-result";
import { DEFAULT_SHARE_DAYS, shareReportInput, type ShareReportInput } from "@/lib/validation/reports";

type Values = { reportId: string; clientId: string; expiresInDays: string; passcode: string };

/** Shares a report with a client: the link is shown once, since only its hash is kept. */
export function ShareReportForm({
  reportId,
  fixedClient,
  share,
}: {
  reportId: string;
  /** A report about one client can only be shared with that client; otherwise any client is searched for (issue 17). */
  fixedClient: { id: string; name: string } | null;
  share: (raw: unknown) => Promise<ActionResult<{ id: string; url: string; expiresAt: string }>>;
}) {
  const router = useRouter();
  const fixedId = fixedClient?.id ?? null;
  const [created, setCreated] = useState<{ url: string; expiresAt: string } | null>(null);
  const form = useForm<Values, unknown, ShareReportInput>({
    resolver: zodResolver(shareReportInput) as never,
    defaultValues: { reportId, clientId: fixedId ?? "", expiresInDays: String(DEFAULT_SHARE_DAYS), passcode: "" },
  });
  const { register, control, formState } = form;
  const errors = formState.errors;
  const { onSubmit, formError } = useActionSubmit(form, share as (raw: Values) => Promise<ActionResult<{ id: string; url: string; expiresAt: string }>>, (data) => {
    setCreated(data);
    form.reset({ reportId, clientId: fixedId ?? "", expiresInDays: String(DEFAULT_SHARE_DAYS), passcode: "" });
    router.refresh();
  });
  return (
    <div className="space-y-3">
      <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Share with a client">
        <FormError message={formError} />
        {fixedClient ? (
          <SelectField label="Client" error={errors.clientId?.message} {...register("clientId")}>
            <option value={fixedClient.id}>{fixedClient.name}</option>
          </SelectField>
        ) : (
          <Controller
            control={control}
            name="clientId"
            render={({ field, fieldState }) => (
              <AsyncCombobox
                label="Client"
                source="/api/pickers/clients"
                placeholder="Type a client name…"
                value={field.value}
                onChange={(option) => field.onChange(option?.id ?? "")}
                onBlur={field.onBlur}
                inputRef={field.ref}
                error={fieldState.error?.message}
              />
            )}
          />
        )}
        <TextField label="Link expires after (days)" type="number" min={1} max={365} error={errors.expiresInDays?.message} {...register("expiresInDays")} />
        <TextField label="Passcode (optional)" type="password" autoComplete="new-password" hint="At least 6 characters. Send it to the client separately from the link." error={errors.passcode?.message} {...register("passcode")} />
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Creating link…" : "Create share link"}
        </Button>
      </form>
      {created ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3">
          <label htmlFor="share-link-url" className="text-sm font-medium text-amber-900">
            Share link, valid until {created.expiresAt.slice(0, 10)}. Copy it now: it will not be shown again.
          </label>
          <div className="mt-2 flex gap-2">
            <input id="share-link-url" readOnly value={created.url} className="w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
            <Button variant="secondary" onClick={() => void navigator.clipboard?.writeText(created.url)}>
              Copy
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
