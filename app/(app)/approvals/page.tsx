import type { Metadata } from "next";
import Link from "next/link";
import { PageLinks } from "@/components/ui/page-links";
import { ApprovalMatrix } from "@/components/use-cases/approval-matrix";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { approvalMatrix } from "@/lib/db/use-cases";
import { z } from "zod";

export const metadata: Metadata = { title: "Approval matrix" };

const PAGE_SIZE = 20;
const params = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  q: z.string().trim().max(200).catch(""),
});

export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("client:read");
  const raw = await searchParams;
  const { page, q } = params.parse({ page: typeof raw.page === "string" ? raw.page : undefined, q: typeof raw.q === "string" ? raw.q : "" });
  const data = await approvalMatrix(actor, { page, pageSize: PAGE_SIZE, q });
  const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
  const href = (p: number) => `/approvals?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <>
      <PageHeader title="Approval matrix" description="Every client against the products it uses: each cell is a use case with its approval status and risk tier. A lapsed approval shows LAPSED." />
      <form className="mb-4 flex gap-2" role="search" action="/approvals">
        <label htmlFor="matrix-q" className="sr-only">
          Search clients
        </label>
        <input id="matrix-q" name="q" defaultValue={q} placeholder="Search clients" className="w-64 rounded-md border border-slate-300 px-3 py-2 text-sm" />
        <button type="submit" className={buttonClass("secondary")}>
          Search
        </button>
      </form>
      {data.clients.length === 0 ? (
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
      <PageLinks page={page} pages={pages} total={data.total} noun="clients" label="Matrix pages" href={href} />
    </>
  );
}
