"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/http/action-result";

/** The passcode prompt of a shared report: a plain form, so it works before any script runs. */
export function PasscodeForm({
  token,
  unlock,
  what = "report",
}: {
  token: string;
  unlock: (prev: ActionResult<null> | null, form: FormData) => Promise<ActionResult<null>>;
  /** What the passcode opens, in the form's words ("report", "questionnaire"). */
  what?: string;
}) {
  const [state, action, pending] = useActionState(unlock, null);
  const error = state && !state.ok ? (state.fieldErrors?.passcode ?? state.error) : null;
  return (
    <form action={action} className="space-y-3" aria-label={`Unlock the ${what}`}>
      <input type="hidden" name="token" value={token} />
      <div>
        <label htmlFor="share-passcode" className="block text-sm font-medium text-slate-800">
          Passcode
        </label>
        <input
          id="share-passcode"
          name="passcode"
          type="password"
          autoComplete="off"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "share-passcode-error" : undefined}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        {error ? (
          <p id="share-passcode-error" role="alert" className="mt-1 text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Checking…" : `Open ${what}`}
      </Button>
    </form>
  );
}
