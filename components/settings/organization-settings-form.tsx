"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Button } from "@/components/ui/button";
import { FormError, SelectField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/http/action-result";
import { organizationSettingsInput, type OrganizationSettingsInput } from "@/lib/validation/organization";

export function OrganizationSettingsForm({
  initial,
  timeZones,
  save,
}: {
  initial: OrganizationSettingsInput;
  timeZones: readonly string[];
  save: (raw: unknown) => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const form = useForm<OrganizationSettingsInput>({ resolver: zodResolver(organizationSettingsInput), defaultValues: initial });
  const { onSubmit, formError } = useActionSubmit(
    form,
    save as (raw: OrganizationSettingsInput) => Promise<ActionResult<unknown>>,
    (_data, values) => {
      form.reset(values);
      setSaved(true);
      router.refresh();
    },
    () => setSaved(false),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Organisation settings">
      <FormError message={formError} />
      <SelectField label="Time zone" error={form.formState.errors.timeZone?.message} {...form.register("timeZone")}>
        {timeZones.map((tz) => (
          <option key={tz} value={tz}>
            {tz.replace(/_/g, " ")}
          </option>
        ))}
      </SelectField>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={form.formState.isSubmitting || !form.formState.isDirty}>
          {form.formState.isSubmitting ? "Saving…" : "Save"}
        </Button>
        {saved && !form.formState.isDirty ? (
          <span role="status" className="text-sm text-green-700">
            Saved.
          </span>
        ) : null}
      </div>
    </form>
  );
}
