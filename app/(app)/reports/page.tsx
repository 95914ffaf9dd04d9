import { ScrollRegion } from "@/components/ui/scroll-region";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { ListSkeleton } from "@/components/ui/list-skeleton";
import { KeysetPageLinks } from "@/components/ui/page-links";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { requirePermission, type Actor } from "@/lib/auth/session";
import { listReports, REPORT_LIST } from "@/lib/db/reports";
import { parseListQuery, toSearchParams, type ListQuery } from "@/lib/validation/list-query";

export const metadata: Metadata = { title: "Reports" };

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("report:create");
  const query = parseListQuery(await searchParams, REPORT_LIST);
  return (
    <>
      <PageHeader
        title="Reports"
        description={
          <>
            Every risk report issued, newest first. Generate one from a product, a use case or a client. Anyone can check a report at{" "}
            <Link href="/verify" className="text-brand-700 hover:underline">
              /verify
            </Link>
            .
          </>
        }
      />
      {/* Keyed on the query: a page link shows the skeleton again until its rows arrive. */}
      <Suspense key={toSearchParams(query, REPORT_LIST).toString()} fallback={<ListSkeleton label="reports" />}>
        <ReportRows actor={actor} query={query} />
      </Suspense>
    </>
  );
}

/** The query runs here, below the Suspense boundary: the role check above has already answered. */
async function ReportRows({ actor, query }: { actor: Actor; query: ListQuery }) {
  const { rows, ...pages } = await listReports(actor, {}, query);
  return (
    <>
      {rows.length === 0 ? (
        <EmptyState title="No report yet.">Open a product, a use case or a client and choose Generate report.</EmptyState>
      ) : (
        <ScrollRegion label="Reports" className="rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">Report</th>
                <th scope="col" className="px-3 py-2">Kind</th>
                <th scope="col" className="px-3 py-2">Issued</th>
                <th scope="col" className="px-3 py-2">By</th>
                <th scope="col" className="px-3 py-2">Share links</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="px-3 py-2">
                    <Link href={`/reports/${r.id}`} className="font-medium text-brand-700 hover:underline">
                      {r.title}
                    </Link>
                  </td>
                  <td className="px-3 py-2">
                    <Badge>{r.kind === "CLIENT_PORTFOLIO" ? "Portfolio" : r.useCaseId ? "Use case" : "Product"}</Badge>
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums">{r.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC</td>
                  <td className="px-3 py-2">{r.createdBy}</td>
                  <td className="px-3 py-2 tabular-nums">{r._count.shareLinks}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <KeysetPageLinks pages={pages} noun="reports" label="Report pages" href={(link) => `/reports?${toSearchParams({ ...query, page: link.page, cursor: link.cursor }, REPORT_LIST)}`} />
    </>
  );
}
