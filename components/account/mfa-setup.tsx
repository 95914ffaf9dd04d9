"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/http/action-result";
import { mfaCodeInput, type MfaCodeInput } from "@/lib/validation/auth";

type Started = { secret: string; uri: string; qrSvg: string };

/**
 * Setting up two-step verification: scan the QR code (or type the key), prove it with a code,
 * then keep the recovery codes, which are shown this once.
 */
export function MfaSetup({
  start,
  confirm,
}: {
  start: (raw: unknown) => Promise<ActionResult<Started>>;
  confirm: (raw: unknown) => Promise<ActionResult<{ codes: string[] }>>;
}) {
  const [started, setStarted] = useState<Started | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  if (codes) return <RecoveryCodes codes={codes} />;
  if (!started) {
    return (
      <div className="space-y-3 text-sm">
        <p>Two-step verification asks for a code from an authenticator app (Microsoft Authenticator, Google Authenticator, 1Password, Bitwarden…) each time you sign in, so a stolen password is not enough.</p>
        <FormError message={error} />
        <Button
          disabled={pending}
          onClick={async () => {
            setPending(true);
            setError(null);
            const result = await start({});
            setPending(false);
            if (result.ok) setStarted(result.data);
            else setError(result.error);
          }}
        >
          {pending ? "Preparing…" : "Set up two-step verification"}
        </Button>
      </div>
    );
  }
  return (
    <div className="space-y-4 text-sm">
      <ol className="list-decimal space-y-4 pl-5">
        <li>
          <p>Scan this QR code with your authenticator app.</p>
          {/* The SVG is drawn on our server from our own otpauth URI (uqr): no user input in it. */}
          <div className="mt-2 h-48 w-48 rounded border border-slate-200 bg-white p-1" role="img" aria-label="QR code for your authenticator app" dangerouslySetInnerHTML={{ __html: started.qrSvg }} />
          <p className="mt-2 text-slate-600">
            Or type this key into the app:{" "}
            <code className="select-all break-all rounded bg-slate-100 px-1.5 py-0.5 font-mono" data-testid="mfa-secret">
              {started.secret.replace(/(.{4})/g, "$1 ").trim()}
            </code>
          </p>
        </li>
        <li>
          <p>Enter the 6-digit code the app shows.</p>
          <MfaCodeForm submitLabel="Turn on two-step verification" action={confirm} onDone={(data) => setCodes((data as { codes: string[] }).codes)} />
        </li>
      </ol>
    </div>
  );
}

/** Recovery codes, shown once, with a way to copy them. */
function RecoveryCodes({ codes }: { codes: string[] }) {
  const router = useRouter();
  return (
    <div className="space-y-3 text-sm" role="status">
      <p className="font-medium text-green-800">Two-step verification is on.</p>
      <p>
        Keep these recovery codes somewhere safe, such as your password manager. Each signs you in once if you lose your device. <strong>They will not be shown again.</strong>
      </p>
      <ul className="grid grid-cols-2 gap-1 rounded-md border border-slate-200 bg-slate-50 p-3 font-mono" aria-label="Recovery codes" data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <div className="flex gap-2">
        <Button variant="secondary" onClick={() => void navigator.clipboard?.writeText(codes.join("\n"))}>
          Copy codes
        </Button>
        <Button onClick={() => router.refresh()}>I have saved them</Button>
      </div>
    </div>
  );
}

/** One code field and a button: used to confirm setup, make new recovery codes, or turn it off. */
export function MfaCodeForm({
  title,
  description,
  submitLabel,
  danger = false,
  action,
  onDone,
}: {
  title?: string;
  description?: string;
  submitLabel: string;
  danger?: boolean;
  action: (raw: unknown) => Promise<ActionResult<unknown>>;
  onDone?: (data: unknown) => void;
}) {
  const router = useRouter();
  const [codes, setCodes] = useState<string[] | null>(null);
  const form = useForm<MfaCodeInput>({ resolver: zodResolver(mfaCodeInput), defaultValues: { code: "" } });
  const { onSubmit, formError } = useActionSubmit(form, action as (raw: MfaCodeInput) => Promise<ActionResult<unknown>>, (data) => {
    form.reset({ code: "" });
    if (onDone) return onDone(data);
    const fresh = (data as { codes?: string[] } | null)?.codes;
    if (fresh) setCodes(fresh);
    else router.refresh();
  });
  if (codes) return <RecoveryCodes codes={codes} />;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2" aria-label={title ?? submitLabel}>
      {title ? <h3 className="font-medium text-slate-800">{title}</h3> : null}
      {description ? <p className="text-slate-600">{description}</p> : null}
      <FormError message={formError} />
      <div className="flex items-end gap-2">
        <TextField label="Code" className="w-48" autoComplete="one-time-code" spellCheck={false} error={form.formState.errors.code?.message} {...form.register("code")} />
        <Button type="submit" variant={danger ? "danger" : "primary"} disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? "Checking…" : submitLabel}
        </Button>
      </div>
    </form>
  );
}
