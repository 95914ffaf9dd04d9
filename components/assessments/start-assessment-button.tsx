"use client";

import { ConfirmButton } from "@/components/ui/confirm-button";
import type { ActionResult } from "@/lib/http/action-result";

export function StartAssessmentButton({ productId, start }: { productId: string; start: (raw: unknown) => Promise<ActionResult<{ id: string }>> }) {
  return <ConfirmButton label="Start assessment" pendingLabel="Starting…" variant="primary" action={start} input={{ productId }} redirectTo="/assessments/{id}" />;
}
