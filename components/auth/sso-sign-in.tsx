"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/http/action-result";

/**
 * "Continue with single sign-on": the address's domain names the organisation's identity
 * provider; the browser then posts next-auth's own sign-in form for it (with its CSRF token) and
 * is sent on to the provider.
 */
export function SsoSignIn({ discover }: { discover: (raw: unknown) => Promise<ActionResult<{ providerId: string; displayName: string }>> }) {
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const [target, setTarget] = useState<{ action: string; csrfToken: string } | null>(null);
  // Once React has put the token in the hidden form below, post it: next-auth sends the browser on.
  useEffect(() => {
    if (target) form.current?.submit();
  }, [target]);

  if (!open) {
    return (
      <Button variant="secondary" className="w-full" onClick={() => setOpen(true)}>
        Continue with single sign-on
      </Button>
    );
  }
  return (
    <div className="space-y-3">
      <form
        aria-label="Single sign-on"
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          setError(null);
          setBusy("Finding your organisation…");
          const found = await discover({ email });
          if (!found.ok) {
            setBusy(null);
            setError(found.fieldErrors?.email ?? found.error);
            return;
          }
          setBusy(`Taking you to ${found.data.displayName}…`);
          const { csrfToken } = (await fetch("/api/auth/csrf").then((r) => r.json())) as { csrfToken: string };
          setTarget({ action: `/api/auth/signin/${found.data.providerId}`, csrfToken });
        }}
        className="space-y-3"
      >
        <TextField label="Work e-mail" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} error={error ?? undefined} />
        <Button type="submit" className="w-full" disabled={busy !== null}>
          {busy ?? "Continue"}
        </Button>
      </form>
      {target ? (
        <form ref={form} method="post" action={target.action} hidden>
          <input type="hidden" name="csrfToken" value={target.csrfToken} />
          <input type="hidden" name="callbackUrl" value="/" />
        </form>
      ) : null}
    </div>
  );
}
