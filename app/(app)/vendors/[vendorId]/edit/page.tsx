import type { Metadata } from "next";
import { vendorName } from "@/lib/db/record-titles";
import { recordTitle } from "@/lib/http/record-title";
import { PageHeader } from "@/components/ui/card";
import { VendorForm } from "@/components/vendors/vendor-form";
import { requirePermission } from "@/lib/auth/session";
import { getVendorOverview } from "@/lib/db/vendors";
import { loadOr404 } from "@/lib/http/load-or-404";
import { updateVendorAction } from "../../actions";

export async function generateMetadata({ params }: { params: Promise<{ vendorId: string }> }): Promise<Metadata> {
  const { vendorId } = await params;
  return recordTitle("vendor:write", (actor) => vendorName(actor, vendorId), (n) => `Edit ${n} · Vendors`, "Edit vendor");
}

export default async function EditVendorPage({ params }: { params: Promise<{ vendorId: string }> }) {
  const actor = await requirePermission("vendor:write");
  const { vendorId } = await params;
  const { vendor } = await loadOr404(getVendorOverview(actor, vendorId));
  async function save(raw: unknown) {
    "use server";
    return updateVendorAction({ ...(raw as object), id: vendorId });
  }
  return (
    <>
      <PageHeader title={`Edit ${vendor.name}`} />
      <VendorForm submitLabel="Save changes" initial={{ name: vendor.name, website: vendor.website ?? "", description: vendor.description ?? "" }} save={save} />
    </>
  );
}
