import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { ReportView } from "@/components/reports/report-view";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { requirePermission, type Actor } from "@/lib/auth/session";
import { reportForViewer } from "@/lib/db/share-links";
import { loadOr404 } from "@/lib/http/load-or-404";
import { recordTitle } from "@/lib/http/record-title";
import type { ReportSnapshot } from "@/lib/pdf/report-data";

// Read once per request for both the title and the page (React's cache), through the same
// share-link check, so the title names only a report this viewer may open.
const viewerReport = cache((actor: Actor, reportId: string) => reportForViewer(actor, reportId));

export async function generateMetadata({ params }: { params: Promise<{ reportId: string }> }): Promise<Metadata> {
  const { reportId } = await params;
  return recordTitle("portal:view", async (actor) => (await viewerReport(actor, reportId)).report.title, (n) => `${n} · Shared reports`, "Report");
}

/** A client viewer's view of a report shared with their client; any other id is a 404. */
export default async function PortalReportPage({ params }: { params: Promise<{ reportId: string }> }) {
  const actor = await requirePermission("portal:view");
  const { reportId } = await params;
  const { report, link } = await loadOr404(viewerReport(actor, reportId));
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
