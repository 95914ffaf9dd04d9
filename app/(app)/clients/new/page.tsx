import type { Metadata } from "next";
import { ClientForm } from "@/components/clients/client-form";
import { PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { createClientAction } from "../actions";

export const metadata: Metadata = { title: "New client" };

export default async function NewClientPage() {
  await requirePermission("client:write");
  return (
    <>
      <PageHeader title="New client" description="A customer of yours whose data an AI product may touch." />
      <ClientForm submitLabel="Create client" save={createClientAction} />
    </>
  );
}
