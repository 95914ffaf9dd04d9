"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/http/action-result";

/**
 * "Continue with single sign-on": the address's domain names the organisation's identity
 * provider; next-auth's sign-in endpoint for it (with its CSRF token, asking for JSON as its own
 * client does) answers with the provider's authorisation URL, and the browser goes there. A posted
 * form would not do: the CSP's form-action 'self' rightly refuses a form whose answer redirects to
 * another site.
 */
export function SsoSignIn({ discover }: { discover: (raw: unknown) => Promise<ActionResult<{ providerId: string; displayName: string }>> }) {
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

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
          try {
            const { csrfToken } = (await fetch("/api/auth/csrf").then((r) => r.json())) as { csrfToken: string };
            const res = await fetch(`/api/auth/signin/${found.data.providerId}`, {
              method: "POST",
              headers: { "Content-Type": "application/x-www-form-urlencoded" },
              body: new URLSearchParams({ csrfToken, callbackUrl: "/", json: "true" }),
            });
            const { url } = (await res.json()) as { url?: string };
            if (!url) throw new Error("no url");
            window.location.assign(url);
          } catch {
            setBusy(null);
            setError("Could not reach your identity provider. Try again, or sign in with your password.");
          }
        }}
        className="space-y-3"
      >
        <TextField label="Work e-mail" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} error={error ?? undefined} />
        <Button type="submit" className="w-full" disabled={busy !== null}>
          {busy ?? "Continue"}
        </Button>
      </form>
    </div>
  );
}
