"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/http/action-result";
import { PASSWORD_MAX, PASSWORD_MIN, resetPasswordInput } from "@/lib/validation/password";

type Input = z.input<typeof resetPasswordInput>;
type Output = z.output<typeof resetPasswordInput>;

export function ResetPasswordForm({ token, action }: { token: string; action: (raw: unknown) => Promise<ActionResult<unknown>> }) {
  const [done, setDone] = useState(false);
  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(resetPasswordInput), defaultValues: { token, newPassword: "", confirmPassword: "" } });
  const { register, formState } = form;
  const { onSubmit, formError } = useActionSubmit(form, action, () => setDone(true));
  if (done) {
    return (
      <p role="status" className="text-sm text-green-800">
        Your new password is set. <Link href="/sign-in" className="text-brand-700 underline">Sign in</Link> with it.
      </p>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Set a new password">
      <FormError message={formError} />
      <input type="hidden" {...register("token")} />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters; spaces are fine. Common or leaked passwords are refused.`}
        error={formState.errors.newPassword?.message}
        {...register("newPassword")}
      />
      <TextField label="New password again" type="password" autoComplete="new-password" error={formState.errors.confirmPassword?.message} {...register("confirmPassword")} />
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Setting…" : "Set new password"}
      </Button>
    </form>
  );
}
