import type { Metadata } from "next";
import { productName } from "@/lib/db/record-titles";
import { recordTitle } from "@/lib/http/record-title";
import { CertificationForm } from "@/components/evidence/certification-form";
import { PageHeader } from "@/components/ui/card";
import type { CertificationFormValues } from "@/lib/validation/evidence";
import { requirePermission } from "@/lib/auth/session";
import { productInTenant } from "@/lib/db/products";
import { loadOr404 } from "@/lib/http/load-or-404";
import { createCertificationAction } from "@/app/(app)/products/[productId]/evidence-actions";

export async function generateMetadata({ params }: { params: Promise<{ productId: string }> }): Promise<Metadata> {
  const { productId } = await params;
  return recordTitle("vendor:write", (actor) => productName(actor, productId), (n) => `New certification · ${n} · Products`, "New certification");
}

export default async function NewCertificationPage({ params }: { params: Promise<{ productId: string }> }) {
  const actor = await requirePermission("vendor:write");
  const { productId } = await params;
  const product = await loadOr404(productInTenant(actor, productId));
  return (
    <>
      <PageHeader title="New certification" description={`An independent attestation that covers ${product.name}.`} />
      <CertificationForm
        submitLabel="Save certification"
        save={createCertificationAction}
        doneHref={`/products/${productId}`}
        initialFile={null}
        initial={{ productId, type: "" as CertificationFormValues["type"], name: "", issuer: "", scope: "", issuedAt: "", expiresAt: "", fileId: "" }}
      />
    </>
  );
}
