import type { Metadata } from "next";
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
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {links.map((link) => (
            <li key={link.id} className="px-4 py-3">
              <p className="font-medium">
                {link.report.product ? `${link.report.product.vendor.name} — ${link.report.product.name}` : "Client portfolio report"}
              </p>
              <p className="text-xs text-slate-500">
                Shared {link.createdAt.toISOString().slice(0, 10)} · available until {link.expiresAt.toISOString().slice(0, 10)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
