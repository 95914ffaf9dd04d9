"use client";

import type { ButtonVariant } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { ActionResult } from "@/lib/http/action-result";
import type { CreateReportInput } from "@/lib/validation/reports";

/** Issues a report from the data as it stands now, then opens it. */
export function GenerateReportButton({ input, label, action, variant = "secondary" }: { input: CreateReportInput; label: string; action: (raw: unknown) => Promise<ActionResult<{ id: string }>>; variant?: ButtonVariant }) {
  return <ConfirmButton label={label} pendingLabel="Generating report…" action={action} input={input} variant={variant} redirectTo="/reports/{id}" />;
}
