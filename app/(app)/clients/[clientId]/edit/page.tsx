import type { Metadata } from "next";
import { clientName } from "@/lib/db/record-titles";
import { recordTitle } from "@/lib/http/record-title";
import { ClientForm } from "@/components/clients/client-form";
import { PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { clientInTenant } from "@/lib/db/clients";
import { loadOr404 } from "@/lib/http/load-or-404";
import type { ClientFormValues } from "@/lib/validation/client";
import { updateClientAction } from "../../actions";

export async function generateMetadata({ params }: { params: Promise<{ clientId: string }> }): Promise<Metadata> {
  const { clientId } = await params;
  return recordTitle("client:write", (actor) => clientName(actor, clientId), (n) => `Edit ${n} · Clients`, "Edit client");
}

export default async function EditClientPage({ params }: { params: Promise<{ clientId: string }> }) {
  const actor = await requirePermission("client:write");
  const { clientId } = await params;
  const client = await loadOr404(clientInTenant(actor, clientId));
  async function save(raw: ClientFormValues) {
    "use server";
    return updateClientAction({ id: clientId, client: raw });
  }
  return (
    <>
      <PageHeader title={`Edit ${client.name}`} />
      <ClientForm
        submitLabel="Save changes"
        save={save}
        initial={{ name: client.name, dataClasses: client.dataClasses, residency: client.residency, frameworks: client.frameworks, contactEmail: client.contactEmail ?? "", notes: client.notes ?? "" }}
      />
    </>
  );
}
