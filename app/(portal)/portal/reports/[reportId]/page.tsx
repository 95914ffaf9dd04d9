import type { Metadata } from "next";
import Link from "next/link";
import { ReportView } from "@/components/reports/report-view";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { reportForViewer } from "@/lib/db/share-links";
import { loadOr404 } from "@/lib/http/load-or-404";
import type { ReportSnapshot } from "@/lib/pdf/report-data";

export const metadata: Metadata = { title: "Report" };

/** A client viewer's view of a report shared with their client; any other id is a 404. */
export default async function PortalReportPage({ params }: { params: Promise<{ reportId: string }> }) {
  const actor = await requirePermission("portal:view");
  const { reportId } = await params;
  const { report, link } = await loadOr404(reportForViewer(actor, reportId));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/portal" className="text-brand-700 hover:underline">
          ← Shared reports
        </Link>
      </p>
      <PageHeader
        title={report.title}
        description={`Available until ${link.expiresAt.toISOString().slice(0, 10)}.`}
        actions={
          <a href={`/portal/reports/${report.id}/pdf`} className={buttonClass("primary")} download>
            Download PDF
          </a>
        }
      />
      <ReportView snapshot={report.snapshot as unknown as ReportSnapshot} contentSha256={report.contentSha256} />
    </>
  );
}
