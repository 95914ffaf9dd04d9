import type { Metadata } from "next";
import { productName } from "@/lib/db/record-titles";
import { recordTitle } from "@/lib/http/record-title";
import { SubProcessorEditor } from "@/components/evidence/sub-processor-editor";
import { PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { getProductOverview } from "@/lib/db/products";
import { loadOr404 } from "@/lib/http/load-or-404";
import { saveSubProcessorsAction } from "@/app/(app)/products/[productId]/evidence-actions";

export async function generateMetadata({ params }: { params: Promise<{ productId: string }> }): Promise<Metadata> {
  const { productId } = await params;
  return recordTitle("vendor:write", (actor) => productName(actor, productId), (n) => `Sub-processors · ${n} · Products`, "Sub-processors");
}

export default async function SubProcessorsPage({ params }: { params: Promise<{ productId: string }> }) {
  const actor = await requirePermission("vendor:write");
  const { productId } = await params;
  const { product } = await loadOr404(getProductOverview(actor, productId));
  return (
    <>
      <PageHeader title="Sub-processors" description={`${product.vendor.name} — ${product.name}. Saving records what was added and removed.`} />
      <SubProcessorEditor
        save={saveSubProcessorsAction}
        doneHref={`/products/${productId}`}
        initial={{
          productId,
          items: product.subProcessors.map((s) => ({ name: s.name, purpose: s.purpose ?? "", country: s.country ?? "", region: s.region ?? "" })),
        }}
      />
    </>
  );
}
