import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { VendorForm } from "@/components/vendors/vendor-form";
import { requirePermission } from "@/lib/auth/session";
import { createVendorAction } from "../actions";

export const metadata: Metadata = { title: "New vendor" };

export default async function NewVendorPage() {
  await requirePermission("vendor:write");
  return (
    <>
      <PageHeader title="New vendor" description="The company behind one or more AI products (OpenAI, Anthropic, Microsoft…)." />
      <VendorForm submitLabel="Create vendor" save={createVendorAction} />
    </>
  );
}
