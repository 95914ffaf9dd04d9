import type { Metadata } from "next";
import { productName } from "@/lib/db/record-titles";
import { recordTitle } from "@/lib/http/record-title";
import { ProductForm } from "@/components/products/product-form";
import { PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { productInTenant } from "@/lib/db/products";
import { vendorOptionById } from "@/lib/db/picker-options";
import { loadOr404 } from "@/lib/http/load-or-404";
import { booleanToTriState } from "@/lib/validation/product";
import { updateProductAction } from "../../actions";

export async function generateMetadata({ params }: { params: Promise<{ productId: string }> }): Promise<Metadata> {
  const { productId } = await params;
  return recordTitle("vendor:write", (actor) => productName(actor, productId), (n) => `Edit ${n} · Products`, "Edit product");
}

export default async function EditProductPage({ params }: { params: Promise<{ productId: string }> }) {
  const actor = await requirePermission("vendor:write");
  const { productId } = await params;
  const product = await loadOr404(productInTenant(actor, productId));
  // Only the product's own vendor is loaded; the picker searches the rest (issue 17).
  const vendor = await vendorOptionById(actor, product.vendorId);
  async function save(raw: unknown) {
    "use server";
    return updateProductAction({ id: productId, product: raw });
  }
  return (
    <>
      <PageHeader title={`Edit ${product.name}`} />
      <ProductForm
        vendorLabel={vendor?.label}
        submitLabel="Save changes"
        save={save}
        initial={{
          vendorId: product.vendorId,
          name: product.name,
          description: product.description ?? "",
          tier: product.tier,
          deploymentModel: product.deploymentModel,
          processingRegions: product.processingRegions.join(", "),
          retentionKind: product.retentionKind,
          retentionDays: product.retentionDays === null ? "" : String(product.retentionDays),
          zeroRetentionAvailable: product.zeroRetentionAvailable,
          trainingPolicy: product.trainingPolicy,
          encryptionInTransit: booleanToTriState(product.encryptionInTransit),
          encryptionAtRest: booleanToTriState(product.encryptionAtRest),
        }}
      />
    </>
  );
}
