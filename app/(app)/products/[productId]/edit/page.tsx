import type { Metadata } from "next";
import { productName } from "@/lib/db/record-titles";
import { recordTitle } from "@/lib/http/record-title";
import { ProductForm } from "@/components/products/product-form";
import { PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { productInTenant } from "@/lib/db/products";
import { listVendorOptions } from "@/lib/db/vendors";
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
  const [product, vendors] = await Promise.all([loadOr404(productInTenant(actor, productId)), listVendorOptions(actor)]);
  async function save(raw: unknown) {
    "use server";
    return updateProductAction({ id: productId, product: raw });
  }
  return (
    <>
      <PageHeader title={`Edit ${product.name}`} />
      <ProductForm
        vendors={vendors}
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
