import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { ReviewQueueTable } from "@/components/reviews/review-queue-table";
import { requirePermission } from "@/lib/auth/session";
import { listReviewQueue, REVIEW_LIST } from "@/lib/db/reviews";
import { parseListQuery } from "@/lib/validation/list-query";

export const metadata: Metadata = { title: "Reviews" };

export default async function ReviewsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("assessment:decide");
  const query = parseListQuery(await searchParams, REVIEW_LIST);
  const { rows, ...pages } = await listReviewQueue(actor, query);
  return (
    <>
      <PageHeader title="Reviews" description="Submitted assessments waiting for a compliance decision. You cannot decide one you submitted." />
      <ReviewQueueTable
        rows={rows.map((r) => ({ id: r.id, product: r.product.name, vendor: r.product.vendor.name, submittedAt: r.submittedAt?.toISOString() ?? "", score: r.scoreSnapshots[0]?.score ?? null, tier: r.scoreSnapshots[0]?.tier ?? null }))}
        pages={pages}
        state={query}
      />
    </>
  );
}
