"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/http/action-result";
import { changePasswordInput, PASSWORD_MAX, PASSWORD_MIN } from "@/lib/validation/password";

type Input = z.input<typeof changePasswordInput>;
type Output = z.output<typeof changePasswordInput>;

/** Change one's own password: "Saved" shows only once the server has it. */
export function ChangePasswordForm({ action }: { action: (raw: unknown) => Promise<ActionResult<unknown>> }) {
  const [done, setDone] = useState(false);
  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(changePasswordInput), defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" } });
  const { register, reset, formState } = form;
  const { onSubmit, formError } = useActionSubmit(
    form,
    action,
    () => {
      setDone(true);
      reset();
    },
    () => setDone(false),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Change password">
      <FormError message={formError} />
      {done ? (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          Password changed. You are signed out everywhere else.
        </p>
      ) : null}
      <TextField label="Current password" type="password" autoComplete="current-password" error={formState.errors.currentPassword?.message} {...register("currentPassword")} />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters; spaces are fine. Common or leaked passwords are refused. A phrase of a few unrelated words works well.`}
        error={formState.errors.newPassword?.message}
        {...register("newPassword")}
      />
      <TextField label="New password again" type="password" autoComplete="new-password" error={formState.errors.confirmPassword?.message} {...register("confirmPassword")} />
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
