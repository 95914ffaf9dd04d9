"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/http/action-result";

/** ADMIN: run today's reminders now. Safe to press twice: each reminder goes out once. */
export function SendRemindersButton({ action }: { action: (raw: unknown) => Promise<ActionResult<{ sent: number }>> }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-3">
      <span role="status" className="text-sm text-slate-600">
        {message}
      </span>
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await action(undefined);
            setMessage(result.ok ? (result.data.sent === 0 ? "No reminders were due." : `${result.data.sent} reminder${result.data.sent === 1 ? "" : "s"} sent.`) : result.error);
            router.refresh();
          })
        }
      >
        {pending ? "Sending…" : "Send due reminders now"}
      </Button>
    </span>
  );
}
