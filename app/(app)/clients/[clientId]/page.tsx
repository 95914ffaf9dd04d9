import type { Metadata } from "next";
import { clientName } from "@/lib/db/record-titles";
import { recordTitle } from "@/lib/http/record-title";
import { ReportsCard } from "@/components/reports/reports-card";
import { listReports } from "@/lib/db/reports";
import { createReportAction } from "@/app/(app)/reports/actions";
import Link from "next/link";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { UseCaseForm } from "@/components/use-cases/use-case-form";
import { UseCaseList } from "@/components/use-cases/use-case-list";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { clientInTenant } from "@/lib/db/clients";
import { listClientUseCases } from "@/lib/db/use-cases";
import { loadOr404 } from "@/lib/http/load-or-404";
import { createUseCaseAction } from "../../use-cases/actions";
import { archiveClientAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ clientId: string }> }): Promise<Metadata> {
  const { clientId } = await params;
  return recordTitle("client:read", (actor) => clientName(actor, clientId), (n) => `${n} · Clients`, "Client");
}

export default async function ClientPage({ params }: { params: Promise<{ clientId: string }> }) {
  const actor = await requirePermission("client:read");
  const { clientId } = await params;
  const client = await loadOr404(clientInTenant(actor, clientId));
  const canPropose = can(actor.role, "usecase:write") && !client.archivedAt;
  // The product picker searches on the server (issue 17): no product list is loaded here.
  const useCases = await listClientUseCases(actor, clientId);
  const reports = (await listReports(actor, { clientId }, 1, 10)).rows.map((r) => ({ id: r.id, title: r.title, createdAt: r.createdAt.toISOString(), createdBy: r.createdBy, shares: r._count.shareLinks }));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/clients" className="text-brand-700 hover:underline">
          ← Clients
        </Link>
      </p>
      <PageHeader
        title={client.name}
        description={client.archivedAt ? <Badge>Archived</Badge> : undefined}
        actions={
          can(actor.role, "client:write") ? (
            <>
              {!client.archivedAt ? (
                <Link href={`/clients/${client.id}/edit`} className={buttonClass("secondary")}>
                  Edit
                </Link>
              ) : null}
              <ConfirmButton
                label={client.archivedAt ? "Restore" : "Archive"}
                confirm={client.archivedAt ? `Restore ${client.name}?` : `Archive ${client.name}? It leaves the lists; its use cases, decisions and reports are kept.`}
                action={archiveClientAction}
                input={{ id: client.id, archived: !client.archivedAt }}
              />
            </>
          ) : null
        }
      />
      <div className="space-y-6">
        <Card title="Profile">
          <dl className="grid gap-3 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-slate-500">Data classes</dt>
              <dd>{client.dataClasses.join(", ") || "None recorded"}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Required residency</dt>
              <dd>{client.residency === "ANY" ? "Any region" : client.residency}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Frameworks</dt>
              <dd>{client.frameworks.join(", ") || "None"}</dd>
            </div>
            {client.contactEmail ? (
              <div>
                <dt className="text-slate-500">Contact</dt>
                <dd>{client.contactEmail}</dd>
              </div>
            ) : null}
          </dl>
          {client.notes ? <p className="mt-3 whitespace-pre-line text-sm text-slate-700">{client.notes}</p> : null}
        </Card>
        <Card title="Use cases">
          <UseCaseList
            caption={`Use cases of ${client.name}`}
            empty="No use case yet. Propose one: a product, what the client uses it for, and the data it carries."
            rows={useCases.map((u) => ({
              id: u.id,
              title: `${u.product.vendor.name} — ${u.product.name}`,
              purpose: u.purpose,
              dataClasses: u.dataClasses,
              displayStatus: u.displayStatus,
              tier: u.currentTier,
              score: u.currentScore,
              validUntil: u.validUntil?.toISOString().slice(0, 10) ?? null,
            }))}
          />
        </Card>
        <ReportsCard rows={reports} generate={{ kind: "PORTFOLIO", clientId: client.id }} canGenerate={can(actor.role, "report:create") && useCases.length > 0} label="Generate portfolio report" action={createReportAction} />
        {canPropose ? (
          <Card title="Propose a use case">
            <UseCaseForm clients={[{ id: client.id, name: client.name }]} initial={{ clientId: client.id, dataClasses: client.dataClasses }} save={createUseCaseAction} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
