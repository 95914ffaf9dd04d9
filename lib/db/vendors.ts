import "server-only";
import { changeSummary } from "@/lib/domain/change-summary";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { VendorInput } from "@/lib/validation/vendor";
import { withAudit } from "./audit";
import { prisma, Prisma } from "./prisma-client";
import { productEvidenceInclude } from "./products";
import { inTenant, type TenantContext } from "./tenant";

function duplicateName(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new AppError("CONFLICT", "A vendor with that name already exists.", { name: "A vendor with that name already exists." });
  }
  throw error;
}

export async function createVendor(ctx: TenantContext, input: VendorInput) {
  return withAudit(
    ctx,
    (tx) => tx.vendor.create({ data: { ...input, organizationId: ctx.organizationId, ownerId: ctx.userId }, select: { id: true, name: true } }),
    (vendor) => ({ action: "vendor.create", entityType: "Vendor", entityId: vendor.id, summary: { after: input } }),
  ).catch(duplicateName);
}

async function vendorInTenant(ctx: TenantContext, id: string) {
  const vendor = await prisma.vendor.findFirst({ where: inTenant(ctx, { id }) });
  if (!vendor) throw notFound("vendor");
  return vendor;
}

export async function updateVendor(ctx: TenantContext, id: string, input: VendorInput) {
  const before = await vendorInTenant(ctx, id);
  return withAudit(
    ctx,
    (tx) => tx.vendor.update({ where: { id: before.id }, data: input, select: { id: true, name: true } }),
    () => ({ action: "vendor.update", entityType: "Vendor", entityId: id, summary: changeSummary(before, input) }),
  ).catch(duplicateName);
}

/** Archiving hides a vendor and its products from lists; nothing is deleted (the audit needs it). */
export async function setVendorArchived(ctx: TenantContext, id: string, archived: boolean) {
  const before = await vendorInTenant(ctx, id);
  const archivedAt = archived ? new Date() : null;
  await withAudit(
    ctx,
    async (tx) => {
      await tx.vendor.update({ where: { id: before.id }, data: { archivedAt } });
      await tx.product.updateMany({ where: inTenant(ctx, { vendorId: id, archivedAt: archived ? null : { not: null } }), data: { archivedAt } });
    },
    () => ({ action: archived ? "vendor.archive" : "vendor.restore", entityType: "Vendor", entityId: id }),
  );
}

/**
 * Everything the vendor page shows, in a fixed number of queries whatever the number of
 * products: the vendor, its products with their DPAs (clauses), certifications, sub-processors
 * and list history, the files attached to them, and the activity on all of these.
 */
export async function getVendorOverview(ctx: TenantContext, id: string) {
  const vendor = await prisma.vendor.findFirst({
    where: inTenant(ctx, { id }),
    include: {
      products: {
        orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
        include: productEvidenceInclude,
      },
    },
  });
  if (!vendor) throw notFound("vendor");
  const productIds = vendor.products.map((p) => p.id);
  const dpaIds = vendor.products.flatMap((p) => p.dpas.map((d) => d.id));
  const certIds = vendor.products.flatMap((p) => p.certifications.map((c) => c.id));
  const activity = await prisma.auditEvent.findMany({
    where: inTenant(ctx, {
      OR: [
        { entityType: "Vendor", entityId: id },
        { entityType: "Product", entityId: { in: productIds } },
        { entityType: "Dpa", entityId: { in: dpaIds } },
        { entityType: "Certification", entityId: { in: certIds } },
      ],
    }),
    orderBy: { seq: "desc" },
    take: 50,
    select: { id: true, seq: true, action: true, entityType: true, entityId: true, actorLabel: true, createdAt: true, summary: true },
  });
  return { vendor, activity };
}
