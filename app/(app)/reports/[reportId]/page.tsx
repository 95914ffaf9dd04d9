import type { Metadata } from "next";
import { reportTitle } from "@/lib/db/record-titles";
import { recordTitle } from "@/lib/http/record-title";
import Link from "next/link";
import { ReportView } from "@/components/reports/report-view";
import { ShareLinksList } from "@/components/reports/share-links-list";
import { ShareReportForm } from "@/components/reports/share-report-form";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { clientOptionById } from "@/lib/db/picker-options";
import { clientReachOf } from "@/lib/domain/reports/audience";
import { getReport } from "@/lib/db/reports";
import { listShareLinks } from "@/lib/db/share-links";
import { loadOr404 } from "@/lib/http/load-or-404";
import { revokeShareLinkAction, shareReportAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ reportId: string }> }): Promise<Metadata> {
  const { reportId } = await params;
  return recordTitle("report:create", (actor) => reportTitle(actor, reportId), (n) => `${n} · Reports`, "Report");
}

export default async function ReportPage({ params }: { params: Promise<{ reportId: string }> }) {
  const actor = await requirePermission("report:create");
  const { reportId } = await params;
  const report = await loadOr404(getReport(actor, reportId));
  const canShare = can(actor.role, "report:share");
  // Only the report's own client, when it has one: otherwise the picker searches (issue 17).
  const [links, fixedClient] = await Promise.all([listShareLinks(actor, report.id), canShare && report.clientId ? clientOptionById(actor, report.clientId) : Promise.resolve(null)]);
  const reach = clientReachOf(report.snapshot, report.clientId);
  const back = report.productId ? `/products/${report.productId}` : report.clientId ? `/clients/${report.clientId}` : "/reports";
  return (
    <>
      <PageHeader
        title={report.title}
        description={
          <>
            Report {report.id}, issued {report.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC. Its content is frozen: generate a new report to reflect later changes.{" "}
            <Link href={back} className="text-brand-700 hover:underline">
              Back
            </Link>
          </>
        }
        actions={
          <a href={`/api/reports/${report.id}/pdf`} className={buttonClass("primary")} download>
            Download PDF
          </a>
        }
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <ReportView snapshot={report.snapshot} contentSha256={report.contentSha256} />
        {/* min-w-0: the panel fits its 22 rem column at 1280 px instead of widening the page. */}
        <div className="flex min-w-0 flex-col gap-6">
          {canShare ? (
            <Card title="Share with a client">
              {reach.to === "NO_CLIENT" ? (
                <p className="text-sm text-slate-700" data-testid="share-refused">
                  {reach.reason}
                </p>
              ) : (
                <ShareReportForm reportId={report.id} fixedClient={fixedClient ? { id: fixedClient.id, name: fixedClient.label } : null} share={shareReportAction} />
              )}
            </Card>
          ) : null}
          <Card title="Share links">
            <ShareLinksList
              now={new Date().toISOString()}
              canRevoke={canShare}
              revoke={revokeShareLinkAction}
              links={links.map((l) => ({
                id: l.id,
                clientName: l.client.name,
                createdAt: l.createdAt.toISOString(),
                expiresAt: l.expiresAt.toISOString(),
                revokedAt: l.revokedAt?.toISOString() ?? null,
                hasPasscode: l.hasPasscode,
                accessCount: l._count.accesses,
                accesses: l.accesses.map((a) => ({ ...a, at: a.at.toISOString() })),
              }))}
            />
          </Card>
        </div>
      </div>
    </>
  );
}
