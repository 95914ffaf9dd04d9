import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { getClientName, listReportsSharedWithMyClient } from "@/lib/db/portal";

export const metadata: Metadata = { title: "Shared reports" };

export default async function PortalPage() {
  const actor = await requirePermission("portal:view");
  const [clientName, links] = await Promise.all([getClientName(actor), listReportsSharedWithMyClient(actor)]);
  return (
    <>
      <PageHeader title="Shared reports" description={clientName ? `AI vendor risk reports shared with ${clientName}.` : undefined} />
      {links.length === 0 ? (
        <EmptyState title="No reports have been shared with you yet.">Your MSP will share risk reports here when they are ready.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" aria-label="Shared reports">
          {links.map((link) => (
            <li key={link.id} className="px-4 py-3" data-testid="portal-report">
              <Link href={`/portal/reports/${link.report.id}`} className="font-medium text-brand-700 hover:underline">
                {link.report.title}
              </Link>
              <p className="text-xs text-slate-500">
                {link.report.kind === "CLIENT_PORTFOLIO" ? "Portfolio report" : "Product risk report"} · issued {link.report.createdAt.toISOString().slice(0, 10)} · available until{" "}
                {link.expiresAt.toISOString().slice(0, 10)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
