"use client";

import { ConfirmButton } from "@/components/ui/confirm-button";
import type { ActionResult } from "@/lib/http/action-result";

/** Starts an assessment, or (the server decides, so two clicks never make two) opens the product's draft. */
export function StartAssessmentButton({ productId, start, hasDraft = false }: { productId: string; start: (raw: unknown) => Promise<ActionResult<{ id: string }>>; hasDraft?: boolean }) {
  return <ConfirmButton label={hasDraft ? "Continue the draft assessment" : "Start assessment"} pendingLabel={hasDraft ? "Opening…" : "Starting…"} variant="primary" action={start} input={{ productId }} redirectTo="/assessments/{id}" />;
}
