"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/http/action-result";

/** The admin's "send password reset link": asks first, then says where it went and until when. */
export function SendResetLink({ userId, email, action }: { userId: string; email: string; action: (raw: unknown) => Promise<ActionResult<{ to: string; expiresAt: string }>> }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="space-y-2">
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(`Send ${email} a link to set a new password?`)) return;
          start(async () => {
            const result = await action({ userId });
            setMessage(result.ok ? { ok: true, text: `Sent to ${result.data.to}. It works once, until ${result.data.expiresAt.slice(11, 16)} UTC.` } : { ok: false, text: result.error });
          });
        }}
      >
        {pending ? "Sending…" : "Send password reset link"}
      </Button>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-green-800" : "text-sm text-red-600"}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
