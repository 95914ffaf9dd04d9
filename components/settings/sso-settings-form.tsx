"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Button } from "@/components/ui/button";
import { FormError, SelectField, TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/http/action-result";
import { ssoSettingsInput, type SsoSettingsInput, type SsoSettingsValues } from "@/lib/validation/sso";

function Check({ label, hint, ...props }: React.InputHTMLAttributes<HTMLInputElement> & { label: string; hint: string }) {
  return (
    <label className="flex items-start gap-2 text-sm">
      <input type="checkbox" className="mt-0.5 h-4 w-4 rounded border-slate-300" {...props} />
      <span>
        <span className="font-medium">{label}</span>
        <span className="block text-xs text-slate-600">{hint}</span>
      </span>
    </label>
  );
}

export function SsoSettingsForm({ initial, hasSecret, save }: { initial: SsoSettingsValues; hasSecret: boolean; save: (raw: unknown) => Promise<ActionResult<unknown>> }) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const form = useForm<SsoSettingsValues, unknown, SsoSettingsInput>({ resolver: zodResolver(ssoSettingsInput), defaultValues: initial });
  const { onSubmit, formError } = useActionSubmit(
    form,
    save as (raw: SsoSettingsValues) => Promise<ActionResult<unknown>>,
    (_d, values) => {
      form.reset({ ...values, clientSecret: "" });
      setSaved(true);
      router.refresh();
    },
    () => setSaved(false),
  );
  const e = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Single sign-on settings">
      <FormError message={formError} />
      <Check label="Single sign-on on" hint="People of the domains below get “Continue with single sign-on”." {...form.register("enabled")} />
      <TextField label="Provider name" hint="Shown to people as they are sent there, e.g. Microsoft." error={e.displayName?.message} {...form.register("displayName")} />
      <TextField label="Issuer URL" placeholder="https://login.microsoftonline.com/<tenant id>/v2.0" error={e.issuer?.message} {...form.register("issuer")} />
      <TextField label="Client ID" error={e.clientId?.message} {...form.register("clientId")} />
      <TextField label="Client secret" type="password" autoComplete="off" hint={hasSecret ? "Stored (sealed). Leave blank to keep it." : "Sealed with the master key; never shown again."} error={e.clientSecret?.message} {...form.register("clientSecret")} />
      <TextField label="E-mail domains" hint="Comma-separated, e.g. example.com, example.co.uk" error={e.allowedDomains?.message} {...form.register("allowedDomains")} />
      <SelectField label="People without an account" error={e.jitRole?.message} {...form.register("jitRole")}>
        <option value="NONE">Refused (an admin adds them first)</option>
        <option value="ACCOUNT_MANAGER">Created as account managers</option>
        <option value="COMPLIANCE_OFFICER">Created as compliance officers</option>
      </SelectField>
      <Check label="Password sign-in stays allowed" hint="Off: only admins may still use a password (break-glass)." {...form.register("passwordSignIn")} />
      <Check label="Accept the provider's multi-factor sign-in" hint="For the two-step rule: a sign-in whose amr claim shows MFA counts instead of Vetta's code." {...form.register("acceptIdpMfa")} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? "Saving…" : "Save"}
        </Button>
        {saved && !form.formState.isDirty ? (
          <span role="status" className="text-sm text-green-700">
            Saved.
          </span>
        ) : null}
      </div>
    </form>
  );
}
