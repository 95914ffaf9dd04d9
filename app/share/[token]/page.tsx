import type { Metadata } from "next";
import { PublicShell } from "@/components/shell/public-shell";
import { cookies, headers } from "next/headers";
import { notFound } from "next/navigation";
import { PasscodeForm } from "@/components/reports/passcode-form";
import { ReportView } from "@/components/reports/report-view";
import { buttonClass } from "@/components/ui/button";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { SHARE_COOKIE, openSharedReport } from "@/lib/auth/share-access";
import type { ReportSnapshot } from "@/lib/pdf/report-data";
import { unlockShareAction } from "./actions";

export const metadata: Metadata = { title: "Shared report", robots: { index: false, follow: false }, referrer: "no-referrer" };

/**
 * A shared report, no account needed: the web view mirrors the PDF, with a download button.
 * Unknown, revoked and expired links are the same plain 404. next.config.ts sends these pages
 * with Cache-Control: no-store and Referrer-Policy: no-referrer.
 */
export default async function SharedReportPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const h = await headers();
  const opened = await openSharedReport(token, "VIEW", { ip: clientIpFrom(h), userAgent: h.get("user-agent") }, (await cookies()).get(SHARE_COOKIE)?.value);
  if (opened.state === "NOT_FOUND") notFound();
  return (
    <PublicShell>
      {opened.state === "PASSCODE_REQUIRED" ? (
        <div className="mx-auto max-w-sm rounded-lg border border-slate-200 bg-white p-6">
          <h1 className="mb-1 text-lg font-semibold text-slate-900">This report is protected</h1>
          <p className="mb-4 text-sm text-slate-600">Enter the passcode you were given separately from the link.</p>
          <PasscodeForm token={token} unlock={unlockShareAction} />
        </div>
      ) : (
        <>
          <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
            <h1 className="text-2xl font-semibold text-slate-900">{opened.report.title}</h1>
            <a href={`/share/${token}/pdf`} className={buttonClass("primary")} download>
              Download PDF
            </a>
          </div>
          <p className="mb-4 text-sm text-slate-600">Shared with you until {opened.link.expiresAt.toISOString().slice(0, 10)}.</p>
          <ReportView snapshot={opened.report.snapshot as unknown as ReportSnapshot} contentSha256={opened.report.contentSha256} />
        </>
      )}
    </PublicShell>
  );
}
