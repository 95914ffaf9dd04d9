import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { ListSkeleton } from "@/components/ui/list-skeleton";
import { VendorsTable } from "@/components/vendors/vendors-table";
import { can } from "@/lib/auth/permissions";
import { requirePermission, type Actor } from "@/lib/auth/session";
import { listVendors, VENDOR_LIST } from "@/lib/db/register-lists";
import { parseListQuery, type ListQuery } from "@/lib/validation/list-query";

export const metadata: Metadata = { title: "Vendors" };

export default async function VendorsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("vendor:read");
  const query = parseListQuery(await searchParams, VENDOR_LIST);
  return (
    <>
      <PageHeader
        title="Vendors"
        description="AI vendors your clients use or plan to use, with their products and evidence."
        actions={
          <>
            <a href="/api/vendors/export" className={buttonClass("secondary")}>
              Export CSV
            </a>
            {can(actor.role, "vendor:write") ? (
              <>
                <Link href="/vendors/import" className={buttonClass("secondary")}>
                  Import CSV
                </Link>
                <Link href="/vendors/new" className={buttonClass("primary")}>
                  New vendor
                </Link>
              </>
            ) : null}
          </>
        }
      />
      {/* Not keyed on the query: the table's own search box lives inside, and a search, sort or page
          change keeps it (and its focus) while the table shows itself busy. */}
      <Suspense fallback={<ListSkeleton label="vendors" toolbar />}>
        <VendorRows actor={actor} query={query} />
      </Suspense>
    </>
  );
}

/** The query runs here, below the Suspense boundary: the role check above has already answered. */
async function VendorRows({ actor, query }: { actor: Actor; query: ListQuery }) {
  const { rows, ...pages } = await listVendors(actor, query);
  return (
    <VendorsTable
      rows={rows.map((v) => ({ id: v.id, name: v.name, website: v.website, products: v.products, isSample: v.isSample, archived: v.archivedAt !== null, updatedAt: v.updatedAt.toISOString() }))}
      pages={pages}
      state={query}
    />
  );
}
