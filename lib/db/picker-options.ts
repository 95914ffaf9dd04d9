import "server-only";
import type { PickerOption, PickerResults, PickerSearchQuery } from "@/lib/validation/picker-search";
import { prisma, type Prisma } from "./prisma-client";
import { inTenant, tenant, type TenantContext } from "./tenant";

/**
 * The options of the register's pickers (issue 17): a page of matches from a server-side search,
 * never the whole table. Each search is one tenant-scoped query over an index that starts with
 * (organizationId, archivedAt, name), ordered by name then id, with LIMIT n + 1 to know whether
 * there are more. Name matches are ILIKE '%…%', which h17-register's trigram indexes serve.
 */
// Prisma passes `contains` into ILIKE as it is: % and _ typed by a user are escaped to mean themselves.
const contains = (q: string) => ({ contains: q.replace(/[\\%_]/g, "\\$&"), mode: "insensitive" as const });
const page = <T>(rows: T[], limit: number) => ({ rows: rows.slice(0, limit), more: rows.length > limit });

/** Active products as "Vendor — Product"; the words match either name. */
export async function searchProductOptions(ctx: TenantContext, query: PickerSearchQuery): Promise<PickerResults> {
  const where: Prisma.ProductWhereInput = {
    archivedAt: null,
    ...(query.q ? { OR: [{ name: contains(query.q) }, { vendor: { name: contains(query.q), ...tenant(ctx) } }] } : {}),
    ...tenant(ctx),
  };
  const { rows, more } = page(
    await prisma.product.findMany({ where, orderBy: [{ name: "asc" }, { id: "asc" }], take: query.limit + 1, select: { id: true, name: true, vendor: { select: { name: true } } } }),
    query.limit,
  );
  return { items: rows.map(productOption), more };
}

/** Active vendors by name. */
export async function searchVendorOptions(ctx: TenantContext, query: PickerSearchQuery): Promise<PickerResults> {
  const { rows, more } = page(
    await prisma.vendor.findMany({
      where: { archivedAt: null, ...(query.q ? { name: contains(query.q) } : {}), ...tenant(ctx) },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: query.limit + 1,
      select: { id: true, name: true },
    }),
    query.limit,
  );
  return { items: rows.map((v) => ({ id: v.id, label: v.name })), more };
}

/** Active clients by name. */
export async function searchClientOptions(ctx: TenantContext, query: PickerSearchQuery): Promise<PickerResults> {
  const { rows, more } = page(
    await prisma.client.findMany({
      where: { archivedAt: null, ...(query.q ? { name: contains(query.q) } : {}), ...tenant(ctx) },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: query.limit + 1,
      select: { id: true, name: true },
    }),
    query.limit,
  );
  return { items: rows.map((c) => ({ id: c.id, label: c.name })), more };
}

const productOption = (p: { id: string; name: string; vendor: { name: string } }): PickerOption => ({ id: p.id, label: `${p.vendor.name} — ${p.name}` });

/**
 * The label of an option already chosen (an edit page, a bookmarked filter), so the combobox shows
 * it without loading the list. Null when the id is not in the caller's organisation.
 */
export async function productOptionById(ctx: TenantContext, id: string | null | undefined): Promise<PickerOption | null> {
  if (!id) return null;
  const p = await prisma.product.findFirst({ where: inTenant(ctx, { id }), select: { id: true, name: true, vendor: { select: { name: true } } } });
  return p ? productOption(p) : null;
}

export async function vendorOptionById(ctx: TenantContext, id: string | null | undefined): Promise<PickerOption | null> {
  if (!id) return null;
  const v = await prisma.vendor.findFirst({ where: inTenant(ctx, { id }), select: { id: true, name: true } });
  return v ? { id: v.id, label: v.name } : null;
}

export async function clientOptionById(ctx: TenantContext, id: string | null | undefined): Promise<PickerOption | null> {
  if (!id) return null;
  const c = await prisma.client.findFirst({ where: inTenant(ctx, { id }), select: { id: true, name: true } });
  return c ? { id: c.id, label: c.name } : null;
}
