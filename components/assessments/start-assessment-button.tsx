"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/guarded-action";

export function StartAssessmentButton({ productId, start }: { productId: string; start: (raw: unknown) => Promise<ActionResult<{ id: string }>> }) {
  const router = useRouter();
  const [pending, run] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col items-end">
      <Button
        disabled={pending}
        onClick={() =>
          run(async () => {
            const result = await start({ productId });
            if (result.ok) router.push(`/assessments/${result.data.id}`);
            else setError(result.error);
          })
        }
      >
        {pending ? "Starting…" : "Start assessment"}
      </Button>
      {error ? (
        <span role="alert" className="mt-1 text-xs text-red-600">
          {error}
        </span>
      ) : null}
    </span>
  );
}
