import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { ClientsTable } from "@/components/clients/clients-table";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { ListSkeleton } from "@/components/ui/list-skeleton";
import { can } from "@/lib/auth/permissions";
import { requirePermission, type Actor } from "@/lib/auth/session";
import { CLIENT_LIST, listClients } from "@/lib/db/clients";
import { parseListQuery, type ListQuery } from "@/lib/validation/list-query";

export const metadata: Metadata = { title: "Clients" };

export default async function ClientsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("client:read");
  const query = parseListQuery(await searchParams, CLIENT_LIST);
  return (
    <>
      <PageHeader
        title="Clients"
        description="Your customers: the data they hold, where it must stay, and the frameworks they answer to. Products are approved per client use case."
        actions={
          can(actor.role, "client:write") ? (
            <Link href="/clients/new" className={buttonClass()}>
              New client
            </Link>
          ) : null
        }
      />
      {/* Not keyed on the query: the table's search box lives inside and keeps its focus across changes. */}
      <Suspense fallback={<ListSkeleton label="clients" toolbar />}>
        <ClientRows actor={actor} query={query} />
      </Suspense>
    </>
  );
}

/** The query runs here, below the Suspense boundary: the role check above has already answered. */
async function ClientRows({ actor, query }: { actor: Actor; query: ListQuery }) {
  const { rows, total } = await listClients(actor, query);
  return (
    <ClientsTable
      rows={rows.map((c) => ({ id: c.id, name: c.name, dataClasses: c.dataClasses, residency: c.residency, frameworks: c.frameworks, useCases: c.useCases, archived: c.archivedAt !== null, updatedAt: c.updatedAt.toISOString() }))}
      total={total}
      state={query}
    />
  );
}
