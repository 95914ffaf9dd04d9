"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";

/** The footer of an edit form: submit (showing progress) and a cancel that goes back. */
export function FormActions({ submitLabel, submitting, className = "" }: { submitLabel: string; submitting: boolean; className?: string }) {
  const router = useRouter();
  return (
    <div className={`flex gap-2 ${className}`}>
      <Button type="submit" disabled={submitting}>
        {submitting ? "Saving…" : submitLabel}
      </Button>
      <Button variant="secondary" onClick={() => router.back()}>
        Cancel
      </Button>
    </div>
  );
}
