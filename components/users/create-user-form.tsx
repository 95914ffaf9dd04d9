"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { AsyncCombobox } from "@/components/ui/async-combobox";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormError, SelectField, TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/http/action-result";
import { ROLE_LABELS, ROLES } from "@/lib/domain/vocabulary";
import { createUserInput } from "@/lib/validation/users";

type Input = z.input<typeof createUserInput>;
type Output = z.output<typeof createUserInput>;

export function CreateUserForm({
  createUser,
}: {
  createUser: (raw: unknown) => Promise<ActionResult<{ id: string }>>;
}) {
  const [created, setCreated] = useState<string | null>(null);
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(createUserInput),
    defaultValues: { email: "", name: "", role: "ACCOUNT_MANAGER", clientId: "", password: "" },
  });
  const { register, control, reset, formState } = form;
  const role = useWatch({ control, name: "role" });
  const { onSubmit, formError } = useActionSubmit(
    form,
    createUser,
    (_data, values) => {
      setCreated(values.email);
      reset();
    },
    () => setCreated(null),
  );

  return (
    <Card title="Add a user">
      <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Add a user">
        <FormError message={formError} />
        {created ? (
          <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
            {created} can now sign in.
          </p>
        ) : null}
        <TextField label="Name" autoComplete="off" error={formState.errors.name?.message} {...register("name")} />
        <TextField label="Email" type="email" autoComplete="off" error={formState.errors.email?.message} {...register("email")} />
        <SelectField label="Role" error={formState.errors.role?.message} {...register("role")}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </SelectField>
        {role === "CLIENT_VIEWER" ? (
          // Clients are searched on the server (issue 17): the page never ships the whole list.
          <Controller
            control={control}
            name="clientId"
            render={({ field, fieldState }) => (
              <AsyncCombobox
                label="Client"
                source="/api/pickers/clients"
                placeholder="Type a client name…"
                value={field.value ?? ""}
                onChange={(option) => field.onChange(option?.id ?? "")}
                onBlur={field.onBlur}
                inputRef={field.ref}
                error={fieldState.error?.message}
              />
            )}
          />
        ) : null}
        <TextField
          label="Initial password"
          type="password"
          autoComplete="new-password"
          hint="At least 12 characters. Share it with the person securely."
          error={formState.errors.password?.message}
          {...register("password")}
        />
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Adding…" : "Add user"}
        </Button>
      </form>
    </Card>
  );
}
