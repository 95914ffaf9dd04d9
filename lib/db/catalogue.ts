import "server-only";
import type { CatalogueEntry } from "@/lib/catalogue/ai-products";
import { DPA_CLAUSES } from "@/lib/domain/vocabulary";
import { recordAudit } from "./audit";
import { prisma } from "./prisma-client";
import { refreshScores } from "./score-refresh";
import type { TenantContext } from "./tenant";

/**
 * Loads catalogue entries into an organisation as sample data (isSample = true on every vendor
 * and product, so screens show "Sample data — verify"), with each fact's source and date.
 */
export async function seedCatalogue(ctx: TenantContext, entries: CatalogueEntry[]) {
  return prisma.$transaction(
    async (tx) => {
    const vendorIds = new Map<string, string>();
    const productIds: string[] = [];
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
            create: entry.sources.map((s) => ({ organizationId: ctx.organizationId, field: s.field, url: s.url, note: s.note ?? null, asPublishedOn: new Date(`${s.asPublishedOn}T00:00:00Z`) })),
          },
        },
        select: { id: true },
      });
      productIds.push(product.id);
      await recordAudit(tx, ctx, { action: "product.create", entityType: "Product", entityId: product.id, summary: { after: { name: entry.product.name }, via: "demo-catalogue" } });
      if (entry.dpa) {
        // The vendor's published DPA, not one the MSP signed: no signing date, so NO_DPA still
        // fires until someone records the signed copy.
        const dpa = await tx.dpa.create({
          data: {
            organizationId: ctx.organizationId,
            productId: product.id,
            title: `${entry.dpa.title} (published version)`,
            breachNoticeHours: entry.dpa.breachNoticeHours,
            transferMechanism: entry.dpa.transferMechanism,
            isCurrent: true,
            notes: [`Source: ${entry.dpa.url}`, entry.dpa.note].filter(Boolean).join("\n"),
            clauses: {
              create: DPA_CLAUSES.map((clause) => ({
                organizationId: ctx.organizationId,
                clause,
                status: entry.dpa!.clauses[clause]?.status ?? "MISSING",
                evidence: entry.dpa!.clauses[clause]?.evidence ?? null,
              })),
            },
          },
          select: { id: true },
        });
        await recordAudit(tx, ctx, { action: "dpa.create", entityType: "Dpa", entityId: dpa.id, summary: { via: "demo-catalogue" } });
      }
      for (const cert of entry.certifications ?? []) {
        const created = await tx.certification.create({
          data: { organizationId: ctx.organizationId, productId: product.id, type: cert.type, name: cert.name ?? null, issuer: cert.issuer ?? null, scope: [cert.scope, `Source: ${cert.url}`].filter(Boolean).join(" · ") },
          select: { id: true },
        });
        await recordAudit(tx, ctx, { action: "certification.create", entityType: "Certification", entityId: created.id, summary: { via: "demo-catalogue" } });
      }
      if (entry.subProcessors?.length) {
        const unique = [...new Map(entry.subProcessors.map((s) => [s.name.toLowerCase(), s])).values()];
        await tx.subProcessor.createMany({ data: unique.map((s) => ({ organizationId: ctx.organizationId, productId: product.id, ...s })) });
      }
    }
    // The catalogue is scored as it lands, so the products list shows each sample product's tier.
    await refreshScores(tx, ctx, { productIds });
    return { vendors: vendorIds.size, products: entries.length };
    },
    { timeout: 60_000 },
  );
}
