"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Button } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { FormError, TextField } from "@/components/ui/field";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS } from "@/lib/domain/webhooks/events";
import type { ActionResult } from "@/lib/http/action-result";
import { webhookEndpointInput, type WebhookEndpointInput, type WebhookEndpointValues } from "@/lib/validation/webhook";

type Made = { id: string; url: string; secret: string };

/** Registers an endpoint and shows its signing secret once. */
export function WebhookForm({ create }: { create: (raw: unknown) => Promise<ActionResult<Made>> }) {
  const router = useRouter();
  const [made, setMade] = useState<Made | null>(null);
  const form = useForm<WebhookEndpointValues, unknown, WebhookEndpointInput>({ resolver: zodResolver(webhookEndpointInput), defaultValues: { url: "", description: "", events: [] } });
  const { onSubmit, formError } = useActionSubmit(form, create as (raw: WebhookEndpointValues) => Promise<ActionResult<Made>>, (data) => {
    setMade(data);
    form.reset();
    router.refresh();
  });
  return (
    <div className="space-y-4">
      {made ? (
        <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <p className="font-medium">Copy the signing secret for {made.url} now: it will not be shown again.</p>
          <code data-testid="new-webhook-secret" className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-900">
            {made.secret}
          </code>
        </div>
      ) : null}
      <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="New webhook">
        <FormError message={formError} />
        <TextField label="Endpoint address" type="url" placeholder="https://psa.example.com/hooks/vetta" error={form.formState.errors.url?.message} {...form.register("url")} />
        <TextField label="Description (optional)" error={form.formState.errors.description?.message} {...form.register("description")} />
        <CheckboxGroup legend="Events" options={WEBHOOK_EVENTS.map((e) => ({ value: e, label: `${WEBHOOK_EVENT_LABELS[e]} (${e})` }))} registration={form.register("events")} error={form.formState.errors.events?.message} />
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? "Adding…" : "Add webhook"}
        </Button>
      </form>
    </div>
  );
}
