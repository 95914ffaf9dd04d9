import type { Metadata } from "next";
import Link from "next/link";
import { WebhookForm } from "@/components/settings/webhook-form";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { listWebhookEndpoints } from "@/lib/db/webhooks";
import { createWebhookAction } from "./actions";

export const metadata: Metadata = { title: "Webhooks · Settings" };

export default async function WebhooksPage() {
  const actor = await requirePermission("organization:manage");
  const endpoints = await listWebhookEndpoints(actor);
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Vetta calls your endpoints when things happen: an assessment submitted, a decision made, an approval lapsed, evidence expiring, a report shared, a vendor's answers in. Each call is signed with the endpoint's secret (README: Webhooks) and retried with backoff; an endpoint that keeps failing is turned off and admins are told."
      />
      <div className="grid gap-6 xl:grid-cols-[1fr_26rem]">
        <Card title="Endpoints">
          {endpoints.length === 0 ? (
            <EmptyState title="No webhooks yet">Add one on the right.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-200">
              {endpoints.map((e) => (
                <li key={e.id} className="py-3" data-testid="webhook-row">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <Link href={`/settings/webhooks/${e.id}`} className="break-all font-medium underline">
                      {e.url}
                    </Link>
                    <Badge tone={e.enabled ? "green" : "amber"}>{e.enabled ? "on" : "off"}</Badge>
                  </div>
                  {e.description ? <p className="text-sm text-slate-700">{e.description}</p> : null}
                  <p className="font-mono text-xs text-slate-600">{e.events.join(" ")}</p>
                  {e.disabledReason ? <p className="text-sm text-amber-800">{e.disabledReason}</p> : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="New webhook">
          <WebhookForm create={createWebhookAction} />
        </Card>
      </div>
    </>
  );
}
