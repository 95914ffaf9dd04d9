"use client";

import { useState } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import type { ActionResult } from "@/lib/http/action-result";
import { applyFieldErrors } from "./apply-field-errors";

/**
 * The submit path every form shares: validate in the browser with the form's zod schema, send the
 * RAW values (the server parses them with the same schema, so not the parsed output), then show
 * the server's message and put its field errors on the fields, or hand the result to onSuccess.
 */
export function useActionSubmit<TValues extends FieldValues, TOutput, TData>(
  form: Pick<UseFormReturn<TValues, unknown, TOutput>, "handleSubmit" | "getValues" | "setError">,
  action: (raw: TValues) => Promise<ActionResult<TData>>,
  onSuccess: (data: TData, values: TValues) => void,
  onStart?: () => void,
) {
  const [formError, setFormError] = useState<string | null>(null);
  const onSubmit = form.handleSubmit(async () => {
    setFormError(null);
    onStart?.();
    const values = form.getValues();
    const result = await action(values);
    if (!result.ok) {
      setFormError(result.error);
      applyFieldErrors(form.setError, result.fieldErrors);
      return;
    }
    onSuccess(result.data, values);
  });
  return { onSubmit, formError };
}
