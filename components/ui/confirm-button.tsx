"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/guarded-action";
import { Button, type ButtonVariant } from "./button";

/** A button that asks before doing something consequential, then runs a server action. */
export function ConfirmButton({
  label,
  confirm,
  action,
  input,
  variant = "secondary",
  redirectTo,
}: {
  label: string;
  confirm: string;
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
          if (!window.confirm(confirm)) return;
          start(async () => {
            setError(null);
            const result = await action(input);
            if (!result.ok) setError(result.error);
            else if (redirectTo) router.push(redirectTo.replace(/\{(\w+)\}/g, (_, k: string) => String((result.data as Record<string, unknown>)?.[k] ?? "")));
            else router.refresh();
          });
        }}
      >
        {pending ? "Working…" : label}
      </Button>
      {error ? (
        <span role="alert" className="mt-1 text-xs text-red-600">
          {error}
        </span>
      ) : null}
    </span>
  );
}
