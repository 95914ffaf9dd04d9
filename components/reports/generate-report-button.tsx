"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/guarded-action";
import type { CreateReportInput } from "@/lib/validation/reports";

/** Issues a report from the data as it stands now, then opens it. */
export function GenerateReportButton({ input, label, action, variant = "secondary" }: { input: CreateReportInput; label: string; action: (raw: unknown) => Promise<ActionResult<{ id: string }>>; variant?: ButtonVariant }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col items-end">
      <Button
        variant={variant}
        disabled={pending}
        onClick={() =>
          start(async () => {
            setError(null);
            const result = await action(input);
            if (result.ok) router.push(`/reports/${result.data.id}`);
            else setError(result.error);
          })
        }
      >
        {pending ? "Generating report…" : label}
      </Button>
      {error ? (
        <span role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
