import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { ListSkeleton } from "@/components/ui/list-skeleton";
import { WebhookForm } from "@/components/settings/webhook-form";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requirePermission, type Actor } from "@/lib/auth/session";
import { listWebhookEndpoints } from "@/lib/db/webhooks";
import { createWebhookAction } from "./actions";

export const metadata: Metadata = { title: "Webhooks · Settings" };

export default async function WebhooksPage() {
  const actor = await requirePermission("organization:manage");
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Vetta calls your endpoints when things happen: an assessment submitted, a decision made, an approval lapsed, evidence expiring, a report shared, a vendor's answers in. Each call is signed with the endpoint's secret (README: Webhooks) and retried with backoff; an endpoint that keeps failing is turned off and admins are told."
      />
      <div className="grid gap-6 xl:grid-cols-[1fr_26rem]">
        <Card title="Endpoints">
          <Suspense fallback={<ListSkeleton label="webhooks" rows={3} />}>
            <EndpointList actor={actor} />
          </Suspense>
        </Card>
        <Card title="New webhook">
          <WebhookForm create={createWebhookAction} />
        </Card>
      </div>
    </>
  );
}

/** The query runs here, below the Suspense boundary: the role check above (admins only) has already answered 404 to anyone else. */
async function EndpointList({ actor }: { actor: Actor }) {
  const endpoints = await listWebhookEndpoints(actor);
  return endpoints.length === 0 ? (
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
  );
}
