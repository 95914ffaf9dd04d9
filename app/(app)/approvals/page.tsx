import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { ListSkeleton } from "@/components/ui/list-skeleton";
import { KeysetPageLinks } from "@/components/ui/keyset-page-links";
import { ApprovalMatrix } from "@/components/use-cases/approval-matrix";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { requirePermission, type Actor } from "@/lib/auth/session";
import { approvalMatrix, MATRIX_STATUSES as STATUSES } from "@/lib/db/approval-matrix";
import { z } from "zod";
import { AutoApplyForm } from "@/components/ui/auto-apply-form";
import { enumLabel, RISK_TIERS } from "@/lib/domain/vocabulary";

export const metadata: Metadata = { title: "Approval matrix" };

const PAGE_SIZE = 20;
const params = z.object({
  // 0 labels the last pages of a list whose total is capped (lib/domain/list-pages).
  page: z.coerce.number().int().min(0).max(100_000).catch(1),
  cursor: z.string().regex(/^(?:[ab]\.[A-Za-z0-9_-]{1,600}|last)$/).nullable().catch(null),
  q: z.string().trim().max(200).catch(""),
  status: z.enum(STATUSES).or(z.literal("")).catch(""),
  tier: z.enum(RISK_TIERS).or(z.literal("")).catch(""),
});
const selectClass = "rounded-md border border-slate-300 bg-white px-2 py-2 text-sm";

export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("client:read");
  const raw = await searchParams;
  const one = (k: string) => (typeof raw[k] === "string" ? raw[k] : "");
  const { page, cursor, q, status, tier } = params.parse({ page: one("page") || undefined, cursor: one("cursor") || null, q: one("q"), status: one("status"), tier: one("tier") });
  return (
    <>
      <PageHeader title="Approval matrix" description="Every client against the products it uses: each cell is a use case with its approval status and risk tier. A lapsed approval shows LAPSED." />
      <AutoApplyForm action="/approvals" label="Filter the approval matrix" className="mb-4 flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="matrix-q" className="text-xs font-medium text-slate-600">
            Search clients
          </label>
          <div className="flex gap-2">
            <input id="matrix-q" name="q" type="search" defaultValue={q} placeholder="Client name" className="w-56 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm" />
            <button type="submit" className={buttonClass("secondary")}>
              Search
            </button>
          </div>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="matrix-status" className="text-xs font-medium text-slate-600">
            Status
          </label>
          <select id="matrix-status" name="status" defaultValue={status} className={selectClass}>
            <option value="">All</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {enumLabel(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="matrix-tier" className="text-xs font-medium text-slate-600">
            Risk tier
          </label>
          <select id="matrix-tier" name="tier" defaultValue={tier} className={selectClass}>
            <option value="">All</option>
            {RISK_TIERS.map((t) => (
              <option key={t} value={t}>
                {enumLabel(t)}
              </option>
            ))}
          </select>
        </div>
        {status || tier ? (
          <Link href={q ? `/approvals?${new URLSearchParams({ q })}` : "/approvals"} className="py-2 text-sm text-brand-700 hover:underline">
            Clear filters
          </Link>
        ) : null}
      </AutoApplyForm>
      {/* Keyed on the view: a search, filter or page change shows the skeleton again until its matrix arrives.
          The form above stays, so a typed search keeps its focus. */}
      <Suspense key={JSON.stringify([q, status, tier, page, cursor])} fallback={<ListSkeleton label="the approval matrix" />}>
        <MatrixRows actor={actor} view={{ page, cursor, q, status, tier }} />
      </Suspense>
    </>
  );
}

/** The query runs here, below the Suspense boundary: the role check above has already answered. */
async function MatrixRows({ actor, view: { page, cursor, q, status, tier } }: { actor: Actor; view: z.infer<typeof params> }) {
  // The filters choose clients in the database, across every page (lib/db/approval-matrix.ts).
  const data = await approvalMatrix(actor, { page, pageSize: PAGE_SIZE, q, cursor, statuses: status ? [status] : [], tiers: tier ? [tier] : [] });
  const href = (link: { page: number; cursor: string | null }) =>
    `/approvals?${new URLSearchParams({ ...(q ? { q } : {}), ...(status ? { status } : {}), ...(tier ? { tier } : {}), page: String(link.page), ...(link.cursor ? { cursor: link.cursor } : {}) })}`;
  return (
    <>
      {data.clients.length === 0 && (status || tier) ? (
        <EmptyState title="No client has a use case matching these filters.">Try another status or risk tier, or clear the filters.</EmptyState>
      ) : data.clients.length === 0 ? (
        <EmptyState title={q ? "No client matches." : "No clients yet."}>
          <Link href="/clients" className="text-brand-700 hover:underline">
            Go to clients
          </Link>{" "}
          to add one and propose its use cases.
        </EmptyState>
      ) : data.products.length === 0 ? (
        <EmptyState title="No use cases yet.">Open a client and propose a use case: a product, its purpose and the data it carries.</EmptyState>
      ) : (
        <ApprovalMatrix data={data} />
      )}
      <KeysetPageLinks pages={data} pageSize={PAGE_SIZE} noun="clients" label="Matrix pages" href={href} />
    </>
  );
}
