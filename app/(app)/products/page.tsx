import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { ProductsTable } from "@/components/products/products-table";
import { requirePermission } from "@/lib/auth/session";
import { listProducts, PRODUCT_LIST } from "@/lib/db/register-lists";
import { parseListQuery } from "@/lib/validation/list-query";

export const metadata: Metadata = { title: "Products" };

export default async function ProductsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("vendor:read");
  const query = parseListQuery(await searchParams, PRODUCT_LIST);
  const { rows, ...pages } = await listProducts(actor, query);
  return (
    <>
      <PageHeader title="Products" description="Every AI service in your register, as bought: tier, deployment, training policy and risk." />
      <ProductsTable rows={rows.map(({ archivedAt, updatedAt: _u, ...p }) => ({ ...p, archived: archivedAt !== null }))} pages={pages} state={query} />
    </>
  );
}
