"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import { Button, type ButtonVariant } from "./button";

/**
 * A button that runs a server action, asking first when `confirm` is given (anything
 * consequential), then shows the error or refreshes / goes to `redirectTo`.
 */
export function ConfirmButton({
  label,
  pendingLabel = "Working…",
  confirm,
  action,
  input,
  variant = "secondary",
  redirectTo,
}: {
  label: string;
  pendingLabel?: string;
  /** The question asked before running; without it the action runs at once. */
  confirm?: string;
  action: (raw: unknown) => Promise<ActionResult<unknown>>;
  input: unknown;
  variant?: ButtonVariant;
  /** Where to go on success; "{id}" style placeholders are filled from the action's result. */
  redirectTo?: string;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col items-end">
      <Button
        variant={variant}
        disabled={pending}
        onClick={() => {
          if (confirm && !window.confirm(confirm)) return;
          start(async () => {
            setError(null);
            const result = await action(input);
            if (!result.ok) setError(result.error);
            else if (redirectTo) router.push(redirectTo.replace(/\{(\w+)\}/g, (_, k: string) => String((result.data as Record<string, unknown>)?.[k] ?? "")));
            else router.refresh();
          });
        }}
      >
        {pending ? pendingLabel : label}
      </Button>
      {error ? (
        <span role="alert" className="mt-1 text-xs text-red-600">
          {error}
        </span>
      ) : null}
    </span>
  );
}
