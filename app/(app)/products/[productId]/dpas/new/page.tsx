import type { Metadata } from "next";
import { productName } from "@/lib/db/record-titles";
import { recordTitle } from "@/lib/http/record-title";
import { DpaForm } from "@/components/evidence/dpa-form";
import { PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { productInTenant } from "@/lib/db/products";
import { DPA_CLAUSES } from "@/lib/domain/vocabulary";
import { loadOr404 } from "@/lib/http/load-or-404";
import { createDpaAction } from "@/app/(app)/products/[productId]/evidence-actions";

export async function generateMetadata({ params }: { params: Promise<{ productId: string }> }): Promise<Metadata> {
  const { productId } = await params;
  return recordTitle("vendor:write", (actor) => productName(actor, productId), (n) => `New DPA · ${n} · Products`, "New DPA");
}

export default async function NewDpaPage({ params }: { params: Promise<{ productId: string }> }) {
  const actor = await requirePermission("vendor:write");
  const { productId } = await params;
  const product = await loadOr404(productInTenant(actor, productId));
  return (
    <>
      <PageHeader title="New DPA" description={`Data processing agreement for ${product.name}. Check each clause against the signed document.`} />
      <DpaForm
        submitLabel="Save DPA"
        save={createDpaAction}
        doneHref={`/products/${productId}`}
        initialFile={null}
        initial={{
          productId,
          title: "",
          signedAt: "",
          effectiveAt: "",
          expiresAt: "",
          breachNoticeHours: "",
          transferMechanism: "NONE",
          isCurrent: true,
          fileId: "",
          notes: "",
          clauses: DPA_CLAUSES.map((clause) => ({ clause, status: "MISSING", evidence: "" })),
        }}
      />
    </>
  );
}
