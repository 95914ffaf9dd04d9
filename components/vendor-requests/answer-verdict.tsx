"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/http/action-result";

/** Accept a vendor's answer, or return it with a comment the vendor reads on their link. */
export function AnswerVerdict({
  requestId,
  questionKey,
  prompt,
  review,
}: {
  requestId: string;
  questionKey: string;
  prompt: string;
  review: (raw: unknown) => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const id = useId();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = (input: unknown) =>
    start(async () => {
      setError(null);
      const result = await review(input);
      if (!result.ok) setError(result.fieldErrors?.comment ?? result.error);
      else {
        setReturning(false);
        router.refresh();
      }
    });
  return (
    <div className="mt-2 space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" disabled={pending} aria-label={`Accept: ${prompt}`} onClick={() => run({ requestId, questionKey, verdict: "ACCEPT" })}>
          Accept
        </Button>
        <Button variant="secondary" disabled={pending} aria-expanded={returning} aria-label={`Return: ${prompt}`} onClick={() => setReturning((r) => !r)}>
          Return…
        </Button>
      </div>
      {returning ? (
        <div>
          <label htmlFor={id} className="block text-xs font-medium text-slate-700">
            What should the vendor change?
          </label>
          <textarea id={id} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
          <Button className="mt-2" disabled={pending} onClick={() => run({ requestId, questionKey, verdict: "RETURN", comment })}>
            Return with this comment
          </Button>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
