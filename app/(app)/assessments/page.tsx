import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { ListSkeleton } from "@/components/ui/list-skeleton";
import { KeysetPageLinks } from "@/components/ui/page-links";
import { requirePermission, type Actor } from "@/lib/auth/session";
import { ASSESSMENT_LIST, ASSESSMENT_STATUSES, listAssessments } from "@/lib/db/assessment-list";
import { enumLabel } from "@/lib/domain/vocabulary";
import { parseListQuery, toSearchParams, type ListQuery } from "@/lib/validation/list-query";

export const metadata: Metadata = { title: "Assessments" };

/** Assessments by status (and "mine"): where the account manager home's drafts and changes-requested tiles lead. */
export default async function AssessmentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("assessment:read");
  const query = parseListQuery(await searchParams, ASSESSMENT_LIST);
  const mine = Boolean(query.filters.mine);
  const statuses = query.filters.status ?? [];
  const view = (change: Partial<Record<"status" | "mine", string[]>>) => {
    const params = toSearchParams({ ...query, page: 1, cursor: null, filters: { ...query.filters, ...change } }, ASSESSMENT_LIST);
    return `/assessments${params.size ? `?${params}` : ""}`;
  };
  return (
    <>
      <PageHeader title="Assessments" description="Questionnaires filled for products in your register, newest change first." />
      <nav aria-label="Filter assessments" className="mb-4 flex flex-wrap items-center gap-2 text-sm">
        <Link href={view({ status: [] })} aria-current={statuses.length === 0 ? "true" : undefined} className="rounded-full border border-slate-300 px-3 py-1 aria-[current=true]:bg-slate-900 aria-[current=true]:text-white">
          Any status
        </Link>
        {ASSESSMENT_STATUSES.map((s) => (
          <Link key={s} href={view({ status: [s] })} aria-current={statuses.length === 1 && statuses[0] === s ? "true" : undefined} className="rounded-full border border-slate-300 px-3 py-1 aria-[current=true]:bg-slate-900 aria-[current=true]:text-white">
            {enumLabel(s)}
          </Link>
        ))}
        <Link href={view({ mine: mine ? [] : ["1"] })} aria-current={mine ? "true" : undefined} className="ml-2 rounded-full border border-slate-300 px-3 py-1 aria-[current=true]:bg-brand-700 aria-[current=true]:text-white">
          {mine ? "Only mine ✓" : "Only mine"}
        </Link>
      </nav>
      {/* Keyed on the query: a filter or page link shows the skeleton again until its rows arrive. */}
      <Suspense key={toSearchParams(query, ASSESSMENT_LIST).toString()} fallback={<ListSkeleton label="assessments" />}>
        <AssessmentRows actor={actor} query={query} />
      </Suspense>
    </>
  );
}

/** The query runs here, below the Suspense boundary: the role check above has already answered. */
async function AssessmentRows({ actor, query }: { actor: Actor; query: ListQuery }) {
  const { rows, ...pages } = await listAssessments(actor, query);
  const total = pages.total;
  const mine = Boolean(query.filters.mine);
  const statuses = query.filters.status ?? [];
  return (
    <>
      <p className="mb-2 text-sm text-slate-700" data-testid="assessments-total">
        {total.toLocaleString("en-GB")}
        {pages.totalCapped ? "+" : ""} assessment{total === 1 && !pages.totalCapped ? "" : "s"}
        {statuses.length ? ` ${statuses.map((s) => enumLabel(s).toLowerCase()).join(" or ")}` : ""}
        {mine ? " that you started or submitted" : ""}.
      </p>
      {rows.length === 0 ? (
        <EmptyState title="No assessment matches.">Start one from a product&apos;s page.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Assessments</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">Product</th>
                <th scope="col" className="px-3 py-2">Status</th>
                <th scope="col" className="px-3 py-2">Last change</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((a) => (
                <tr key={a.id} data-testid="assessment-row">
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    <Link href={`/assessments/${a.id}`} className="text-brand-700 hover:underline">
                      {a.product.vendor.name} — {a.product.name}
                    </Link>
                  </th>
                  <td className="px-3 py-2">
                    <Badge tone={a.status === "CHANGES_REQUESTED" ? "amber" : a.status === "DRAFT" ? "slate" : "blue"}>{enumLabel(a.status)}</Badge>
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 text-slate-700">{a.updatedAt.toISOString().slice(0, 10)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <KeysetPageLinks pages={pages} noun="assessments" label="Assessment pages" href={(link) => `/assessments?${toSearchParams({ ...query, page: link.page, cursor: link.cursor }, ASSESSMENT_LIST)}`} />
    </>
  );
}
