"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { AuditVerification } from "@/lib/validation/audit";
import { verifyAuditTrailAction } from "./actions";

/** "Verify now": runs the check on the server and says what it found; the figures above refresh. */
export function VerifyAuditTrailButton() {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<AuditVerification | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      <Button
        disabled={pending}
        onClick={() =>
          start(async () => {
            setError(null);
            const outcome = await verifyAuditTrailAction({});
            if (!outcome.ok) {
              setResult(null);
              setError(outcome.error);
              return;
            }
            setResult(outcome.data);
            router.refresh();
          })
        }
      >
        {pending ? "Verifying…" : "Verify now"}
      </Button>
      <div role="status" aria-live="polite" data-testid="audit-verification">
        {error ? <p className="text-sm text-red-700">{error}</p> : null}
        {result ? (
          result.intact ? (
            <p className="text-sm text-green-800">
              Verified {result.checkedAt.slice(0, 19).replace("T", " ")} UTC: chain intact, {result.sealed} of {result.events} events sealed and matching the anchor.
            </p>
          ) : (
            <p className="text-sm text-red-700">
              <strong>Broken</strong> (checked {result.checkedAt.slice(0, 19).replace("T", " ")} UTC): {result.problem}
            </p>
          )
        ) : null}
      </div>
    </div>
  );
}
