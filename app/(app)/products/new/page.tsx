import type { Metadata } from "next";
import { ProductForm } from "@/components/products/product-form";
import { PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { listVendorOptions } from "@/lib/db/vendors";
import { createProductAction } from "../actions";

export const metadata: Metadata = { title: "New product" };

export default async function NewProductPage({ searchParams }: { searchParams: Promise<{ vendorId?: string }> }) {
  const actor = await requirePermission("vendor:write");
  const [{ vendorId }, vendors] = await Promise.all([searchParams, listVendorOptions(actor)]);
  const preselected = vendors.some((v) => v.id === vendorId) ? vendorId! : "";
  return (
    <>
      <PageHeader title="New product" description="One AI service of a vendor, as your clients would buy it." />
      <ProductForm
        vendors={vendors}
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
