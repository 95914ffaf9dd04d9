import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/card";
import { ListSkeleton } from "@/components/ui/list-skeleton";
import { ProductsTable } from "@/components/products/products-table";
import { requirePermission, type Actor } from "@/lib/auth/session";
import { listProducts, PRODUCT_LIST } from "@/lib/db/register-lists";
import { parseListQuery, type ListQuery } from "@/lib/validation/list-query";

export const metadata: Metadata = { title: "Products" };

export default async function ProductsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("vendor:read");
  const query = parseListQuery(await searchParams, PRODUCT_LIST);
  return (
    <>
      <PageHeader title="Products" description="Every AI service in your register, as bought: tier, deployment, training policy and risk." />
      {/* Not keyed on the query: the table's search box lives inside and keeps its focus across changes. */}
      <Suspense fallback={<ListSkeleton label="products" toolbar />}>
        <ProductRows actor={actor} query={query} />
      </Suspense>
    </>
  );
}

/** The query runs here, below the Suspense boundary: the role check above has already answered. */
async function ProductRows({ actor, query }: { actor: Actor; query: ListQuery }) {
  const { rows, ...pages } = await listProducts(actor, query);
  return <ProductsTable rows={rows.map(({ archivedAt, updatedAt: _u, ...p }) => ({ ...p, archived: archivedAt !== null }))} pages={pages} state={query} />;
}
