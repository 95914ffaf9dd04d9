import "server-only";
import { triStateToBoolean } from "@/lib/validation/product";
import type { ParsedRegisterRow, RowError } from "@/lib/validation/register-csv";
import { recordAudit } from "./audit";
import { prisma } from "./client";
import { tenant, type TenantContext } from "./tenant";

/** Every active product with its vendor, plus vendors without products, for the CSV export. */
export async function exportRegister(ctx: TenantContext) {
  return prisma.vendor.findMany({
    where: { archivedAt: null, ...tenant(ctx) },
    orderBy: { name: "asc" },
    include: { products: { where: { archivedAt: null }, orderBy: { name: "asc" } } },
  });
}

/**
 * Imports parsed register rows all-or-nothing: existing vendors are matched by name (case-
 * insensitive), new ones created; a product that already exists for its vendor, or appears twice
 * in the file, is a row error. Any error and nothing is written.
 */
export async function importRegister(ctx: TenantContext, rows: ParsedRegisterRow[]): Promise<{ ok: true; vendors: number; products: number } | { ok: false; errors: RowError[] }> {
  const existing = await prisma.vendor.findMany({
    where: tenant(ctx),
    select: { id: true, name: true, archivedAt: true, products: { select: { name: true } } },
  });
  const byName = new Map(existing.map((v) => [v.name.toLowerCase(), v]));
  const errors: RowError[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const vendor = byName.get(r.vendor.name.toLowerCase());
    if (vendor?.archivedAt) errors.push({ row: r.row, column: "vendor", message: `${vendor.name} is archived; restore it before importing into it.` });
    if (!r.product) continue;
    const key = `${r.vendor.name.toLowerCase()}\u0000${r.product.name.toLowerCase()}`;
    if (seen.has(key)) errors.push({ row: r.row, column: "product", message: `${r.product.name} appears twice for ${r.vendor.name} in this file.` });
    seen.add(key);
    if (vendor?.products.some((p) => p.name.toLowerCase() === r.product!.name.toLowerCase())) {
      errors.push({ row: r.row, column: "product", message: `${vendor.name} already has a product named ${r.product.name}.` });
    }
  }
  if (errors.length) return { ok: false, errors };

  return prisma.$transaction(
    async (tx) => {
      const ids = new Map(existing.map((v) => [v.name.toLowerCase(), v.id]));
      let vendors = 0;
      let products = 0;
      for (const r of rows) {
        let vendorId = ids.get(r.vendor.name.toLowerCase());
        if (!vendorId) {
          const created = await tx.vendor.create({ data: { ...r.vendor, organizationId: ctx.organizationId, ownerId: ctx.userId }, select: { id: true } });
          vendorId = created.id;
          ids.set(r.vendor.name.toLowerCase(), vendorId);
          vendors += 1;
          await recordAudit(tx, ctx, { action: "vendor.create", entityType: "Vendor", entityId: vendorId, summary: { after: r.vendor, via: "csv-import" } });
        }
        if (r.product) {
          const { encryptionInTransit, encryptionAtRest, ...fields } = r.product;
          const product = await tx.product.create({
            data: {
              ...fields,
              vendorId,
              encryptionInTransit: triStateToBoolean(encryptionInTransit),
              encryptionAtRest: triStateToBoolean(encryptionAtRest),
              organizationId: ctx.organizationId,
              ownerId: ctx.userId,
            },
            select: { id: true },
          });
          products += 1;
          await recordAudit(tx, ctx, { action: "product.create", entityType: "Product", entityId: product.id, summary: { after: { name: fields.name }, via: "csv-import" } });
        }
      }
      return { ok: true as const, vendors, products };
    },
    { timeout: 120_000 },
  );
}
