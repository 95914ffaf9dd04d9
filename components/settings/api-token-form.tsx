"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Button } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { FormError, TextField } from "@/components/ui/field";
import { API_SCOPE_LABELS, API_SCOPES } from "@/lib/domain/api/scopes";
import type { ActionResult } from "@/lib/http/action-result";
import { createApiTokenInput, type CreateApiTokenInput, type CreateApiTokenValues } from "@/lib/validation/api-token";

type Made = { id: string; name: string; token: string };

/** Creates a token and shows it once, with a copy button: it cannot be shown again. */
export function ApiTokenForm({ create }: { create: (raw: unknown) => Promise<ActionResult<Made>> }) {
  const router = useRouter();
  const [made, setMade] = useState<Made | null>(null);
  const [copied, setCopied] = useState(false);
  const form = useForm<CreateApiTokenValues, unknown, CreateApiTokenInput>({
    resolver: zodResolver(createApiTokenInput),
    defaultValues: { name: "", scopes: ["vendors:read", "products:read", "clients:read", "use-cases:read"], expiresInDays: 90 },
  });
  const { onSubmit, formError } = useActionSubmit(form, create as (raw: CreateApiTokenValues) => Promise<ActionResult<Made>>, (data) => {
    setMade(data);
    setCopied(false);
    form.reset();
    router.refresh();
  });
  return (
    <div className="space-y-4">
      {made ? (
        <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <p className="font-medium">Copy the token “{made.name}” now: it will not be shown again.</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code data-testid="new-api-token" className="break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-900">
              {made.token}
            </code>
            <Button
              variant="secondary"
              onClick={() => {
                void navigator.clipboard?.writeText(made.token).then(() => setCopied(true));
              }}
            >
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
        </div>
      ) : null}
      <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="New API token">
        <FormError message={formError} />
        <TextField label="Name" hint="Say what uses it, for example: PSA sync." error={form.formState.errors.name?.message} {...form.register("name")} />
        <CheckboxGroup
          legend="Scopes"
          hint="Write implies read. Choose only what the integration needs."
          options={API_SCOPES.map((s) => ({ value: s, label: `${API_SCOPE_LABELS[s]} (${s})` }))}
          registration={form.register("scopes")}
          error={form.formState.errors.scopes?.message}
        />
        <TextField label="Expires after (days)" type="number" min={1} max={365} inputMode="numeric" error={form.formState.errors.expiresInDays?.message} {...form.register("expiresInDays")} />
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? "Creating…" : "Create token"}
        </Button>
      </form>
    </div>
  );
}
