import type { Metadata } from "next";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { requirePermission } from "@/lib/auth/session";
import { getWebhookEndpoint } from "@/lib/db/webhooks";
import { loadOr404 } from "@/lib/http/load-or-404";
import { deleteWebhookAction, sendTestWebhookAction, setWebhookEnabledAction } from "../actions";

export const metadata: Metadata = { title: "Webhook · Settings" };

const stamp = (d: Date | null) => (d ? `${d.toISOString().slice(0, 19).replace("T", " ")} UTC` : "—");
const TONE = { SUCCEEDED: "green", FAILED: "red", PENDING: "slate" } as const;

export default async function WebhookPage({ params }: { params: Promise<{ endpointId: string }> }) {
  const actor = await requirePermission("organization:manage");
  const { endpointId } = await params;
  const endpoint = await loadOr404(getWebhookEndpoint(actor, endpointId));
  return (
    <>
      <PageHeader
        title="Webhook"
        description={<span className="break-all">{endpoint.url}</span>}
        actions={
          <div className="flex flex-wrap gap-2">
            <ConfirmButton label="Send test event" action={sendTestWebhookAction} input={{ id: endpoint.id }} />
            {endpoint.enabled ? (
              <ConfirmButton label="Turn off" confirm="Turn this webhook off? Events are not recorded for it while it is off." action={setWebhookEnabledAction} input={{ id: endpoint.id, enabled: false }} />
            ) : (
              <ConfirmButton label="Turn on" variant="primary" action={setWebhookEnabledAction} input={{ id: endpoint.id, enabled: true }} />
            )}
            <ConfirmButton label="Delete" variant="danger" confirm="Delete this webhook and its delivery log?" action={deleteWebhookAction} input={{ id: endpoint.id }} redirectTo="/settings/webhooks" />
          </div>
        }
      />
      <Card title="Settings" className="mb-6">
        <dl className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="font-medium">Status</dt>
          <dd>
            <Badge tone={endpoint.enabled ? "green" : "amber"}>{endpoint.enabled ? "on" : "off"}</Badge> {endpoint.disabledReason}
          </dd>
          <dt className="font-medium">Events</dt>
          <dd className="font-mono text-xs">{endpoint.events.join(" ")}</dd>
          <dt className="font-medium">Failures in a row</dt>
          <dd>{endpoint.consecutiveFailures}</dd>
        </dl>
      </Card>
      <Card title="Deliveries (latest 50)">
        {endpoint.deliveries.length === 0 ? (
          <EmptyState title="Nothing sent yet">Send a test event to check the endpoint.</EmptyState>
        ) : (
          <div className="overflow-x-auto" role="region" aria-label="Deliveries" tabIndex={0}>
            <table className="min-w-full text-left text-sm">
              <thead className="text-xs uppercase text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-3">Event</th>
                  <th scope="col" className="py-2 pr-3">Recorded</th>
                  <th scope="col" className="py-2 pr-3">Status</th>
                  <th scope="col" className="py-2 pr-3">Attempts</th>
                  <th scope="col" className="py-2 pr-3">Last answer</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {endpoint.deliveries.map((d) => (
                  <tr key={d.id} data-testid="webhook-delivery">
                    <td className="py-2 pr-3 font-mono text-xs">{d.eventType}</td>
                    <td className="py-2 pr-3">{stamp(d.createdAt)}</td>
                    <td className="py-2 pr-3">
                      <Badge tone={TONE[d.status]}>{d.status.toLowerCase()}</Badge>
                    </td>
                    <td className="py-2 pr-3">{d.attempts}</td>
                    <td className="py-2 pr-3">
                      {d.lastStatusCode ?? ""} {d.lastError ?? ""} {d.lastAttemptAt ? <span className="text-xs text-slate-600">at {stamp(d.lastAttemptAt)}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}
