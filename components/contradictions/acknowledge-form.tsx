"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { TextAreaField } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/http/action-result";
import { contradictionAcknowledgementInput, type ContradictionAcknowledgementFormValues, type ContradictionAcknowledgementInput } from "@/lib/validation/contradictions";

/** "Both stand, because …": a reason, recorded with who and when. Closed until asked for, so it is never submitted by accident. */
export function AcknowledgeForm({ productId, assessmentId, contradictionKey, title, acknowledge }: { productId: string; assessmentId: string | null; contradictionKey: string; title: string; acknowledge: (raw: ContradictionAcknowledgementFormValues) => Promise<ActionResult<{ id: string }>> }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm<ContradictionAcknowledgementFormValues, unknown, ContradictionAcknowledgementInput>({
    resolver: zodResolver(contradictionAcknowledgementInput),
    defaultValues: { productId, assessmentId, key: contradictionKey, reason: "" },
  });
  const { onSubmit, formError } = useActionSubmit(form, acknowledge, () => {
    setOpen(false);
    router.refresh();
  });
  if (!open) {
    return (
      <Button variant="ghost" onClick={() => setOpen(true)}>
        Both stand: record why
      </Button>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="mt-2 space-y-2" aria-label={`Acknowledge: ${title}`}>
      <FormError message={formError ?? form.formState.errors.key?.message ?? null} />
      <TextAreaField label="Why both sides stand" rows={2} required error={form.formState.errors.reason?.message} {...form.register("reason")} />
      <div className="flex gap-2">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? "Recording…" : "Record reason"}
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
