import "server-only";
import type { CatalogueEntry } from "@/prisma/catalogue/ai-products";
import { recordAudit } from "./audit";
import { prisma } from "./client";
import type { TenantContext } from "./tenant";

/**
 * Loads catalogue entries into an organisation as sample data (isSample = true on every vendor
 * and product, so screens show "Sample data — verify"), with each fact's source and date.
 */
export async function seedCatalogue(ctx: TenantContext, entries: CatalogueEntry[]) {
  return prisma.$transaction(async (tx) => {
    const vendorIds = new Map<string, string>();
    for (const entry of entries) {
      let vendorId = vendorIds.get(entry.vendor.name);
      if (!vendorId) {
        const vendor = await tx.vendor.create({ data: { ...entry.vendor, isSample: true, organizationId: ctx.organizationId }, select: { id: true } });
        vendorId = vendor.id;
        vendorIds.set(entry.vendor.name, vendorId);
        await recordAudit(tx, ctx, { action: "vendor.create", entityType: "Vendor", entityId: vendorId, summary: { after: { name: entry.vendor.name }, via: "demo-catalogue" } });
      }
      const product = await tx.product.create({
        data: {
          ...entry.product,
          vendorId,
          isSample: true,
          organizationId: ctx.organizationId,
          factSources: {
            create: entry.sources.map((s) => ({ organizationId: ctx.organizationId, field: s.field, url: s.url, note: s.note, asPublishedOn: new Date(`${s.asPublishedOn}T00:00:00Z`) })),
          },
        },
        select: { id: true },
      });
      await recordAudit(tx, ctx, { action: "product.create", entityType: "Product", entityId: product.id, summary: { after: { name: entry.product.name }, via: "demo-catalogue" } });
    }
    return { vendors: vendorIds.size, products: entries.length };
  });
}
