import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/card";
import { ListSkeleton } from "@/components/ui/list-skeleton";
import { ReviewQueueTable } from "@/components/reviews/review-queue-table";
import { requirePermission, type Actor } from "@/lib/auth/session";
import { listReviewQueue, REVIEW_LIST } from "@/lib/db/reviews";
import { parseListQuery, type ListQuery } from "@/lib/validation/list-query";

export const metadata: Metadata = { title: "Reviews" };

export default async function ReviewsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("assessment:decide");
  const query = parseListQuery(await searchParams, REVIEW_LIST);
  return (
    <>
      <PageHeader title="Reviews" description="Submitted assessments waiting for a compliance decision. You cannot decide one you submitted." />
      {/* Not keyed on the query: the table's search box lives inside and keeps its focus across changes. */}
      <Suspense fallback={<ListSkeleton label="the review queue" toolbar />}>
        <ReviewRows actor={actor} query={query} />
      </Suspense>
    </>
  );
}

/** The query runs here, below the Suspense boundary: the role check above (compliance only) has already answered 404 to anyone else. */
async function ReviewRows({ actor, query }: { actor: Actor; query: ListQuery }) {
  const { rows, ...pages } = await listReviewQueue(actor, query);
  return (
    <ReviewQueueTable
      rows={rows.map((r) => ({ id: r.id, product: r.product.name, vendor: r.product.vendor.name, submittedAt: r.submittedAt?.toISOString() ?? "", score: r.scoreSnapshots[0]?.score ?? null, tier: r.scoreSnapshots[0]?.tier ?? null }))}
      pages={pages}
      state={query}
    />
  );
}
