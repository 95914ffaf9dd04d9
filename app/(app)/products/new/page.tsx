import type { Metadata } from "next";
import { ProductForm } from "@/components/products/product-form";
import { PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { vendorOptionById } from "@/lib/db/picker-options";
import { createProductAction } from "../actions";

export const metadata: Metadata = { title: "New product" };

export default async function NewProductPage({ searchParams }: { searchParams: Promise<{ vendorId?: string }> }) {
  const actor = await requirePermission("vendor:write");
  const { vendorId } = await searchParams;
  // Only the preselected vendor is loaded; the picker searches the rest (issue 17).
  const vendor = typeof vendorId === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(vendorId) ? await vendorOptionById(actor, vendorId) : null;
  const preselected = vendor?.id ?? "";
  return (
    <>
      <PageHeader title="New product" description="One AI service of a vendor, as your clients would buy it." />
      <ProductForm
        vendorLabel={vendor?.label}
        submitLabel="Create product"
        save={createProductAction}
        initial={{
          vendorId: preselected,
          name: "",
          description: "",
          tier: "BUSINESS",
          deploymentModel: "CLOUD_API",
          processingRegions: "",
          retentionKind: "UNKNOWN",
          retentionDays: "",
          zeroRetentionAvailable: false,
          trainingPolicy: "UNKNOWN",
          encryptionInTransit: "UNKNOWN",
          encryptionAtRest: "UNKNOWN",
        }}
      />
    </>
  );
}
