"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { VerifyState } from "@/lib/domain/reports/verify-outcome";

/** Upload a report's PDF, or paste its SHA-256 or id; the answer says whether it is genuine and what it is. */
export function VerifyForm({ verify }: { verify: (prev: VerifyState | null, form: FormData) => Promise<VerifyState> }) {
  const [state, action, pending] = useActionState(verify, null);
  const fieldError = (k: string) => (state && !state.ok ? state.fieldErrors?.[k] : undefined);
  return (
    <div className="space-y-5">
      <form action={action} className="space-y-4" aria-label="Verify a report">
        <div>
          <label htmlFor="verify-file" className="block text-sm font-medium text-slate-800">
            The report&apos;s PDF
          </label>
          <input id="verify-file" name="file" type="file" accept="application/pdf,.pdf" className="mt-1 block w-full text-sm" aria-describedby={fieldError("file") ? "verify-file-error" : undefined} />
          {fieldError("file") ? (
            <p id="verify-file-error" className="mt-1 text-sm text-red-700">
              {fieldError("file")}
            </p>
          ) : null}
        </div>
        <p className="text-sm text-slate-500">or</p>
        <div>
          <label htmlFor="verify-reference" className="block text-sm font-medium text-slate-800">
            Its SHA-256 or report ID
          </label>
          <input
            id="verify-reference"
            name="reference"
            autoComplete="off"
            spellCheck={false}
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm"
            aria-invalid={fieldError("reference") ? true : undefined}
            aria-describedby={fieldError("reference") ? "verify-reference-error" : undefined}
          />
          {fieldError("reference") ? (
            <p id="verify-reference-error" className="mt-1 text-sm text-red-700">
              {fieldError("reference")}
            </p>
          ) : null}
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Checking…" : "Verify"}
        </Button>
      </form>
      <div role="status" aria-live="polite" data-testid="verify-result">
        {state === null ? null : !state.ok ? (
          <p className="text-sm text-red-700">{state.error}</p>
        ) : state.outcome.result === "GENUINE" ? (
          <div className="rounded-md border border-green-300 bg-green-50 p-4 text-sm text-green-900">
            <p className="font-semibold">Genuine Vetta report{state.outcome.matched === "file" ? ", unaltered" : ""}.</p>
            <p className="mt-1">
              {state.outcome.report.title} — issued by {state.outcome.report.organizationName} on {state.outcome.report.createdAt.slice(0, 10)} (report {state.outcome.report.id}).
            </p>
            <p className="mt-1 break-all text-xs">Content SHA-256 {state.outcome.report.contentSha256}</p>
            {state.outcome.matched !== "file" ? <p className="mt-1 text-xs">Matched by its {state.outcome.matched}. To check a file has not been altered, upload the PDF itself.</p> : null}
          </div>
        ) : state.outcome.result === "ALTERED" ? (
          <div className="rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900">
            <p className="font-semibold">Not genuine: this file has been altered.</p>
            <p className="mt-1">It claims to be Vetta report {state.outcome.claimedId}, but its content does not match any report Vetta issued. Ask the sender for the original.</p>
          </div>
        ) : (
          <div className="rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900">
            <p className="font-semibold">Not a Vetta report we know.</p>
            <p className="mt-1">No report Vetta issued matches this file or reference. It may have been altered, or never issued by Vetta.</p>
          </div>
        )}
      </div>
    </div>
  );
}
