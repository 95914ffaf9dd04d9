import "server-only";
import { changeSummary } from "@/lib/domain/change-summary";
import { AppError, notFound } from "@/lib/errors/app-error";
import { triStateToBoolean, type ProductInput } from "@/lib/validation/product";
import { withAudit } from "./audit";
import { refreshScores } from "./score-refresh";
import { prisma, Prisma } from "./prisma-client";
import { inTenant, type TenantContext } from "./tenant";

function toRow(input: ProductInput) {
  const { encryptionInTransit, encryptionAtRest, ...rest } = input;
  return { ...rest, encryptionInTransit: triStateToBoolean(encryptionInTransit), encryptionAtRest: triStateToBoolean(encryptionAtRest) };
}

function duplicateName(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new AppError("CONFLICT", "This vendor already has a product with that name.", { name: "This vendor already has a product with that name." });
  }
  throw error;
}

async function requireVendor(ctx: TenantContext, vendorId: string) {
  const vendor = await prisma.vendor.findFirst({ where: inTenant(ctx, { id: vendorId }), select: { id: true, archivedAt: true } });
  if (!vendor) throw new AppError("VALIDATION", "That vendor does not exist.", { vendorId: "Choose a vendor from the list." });
  if (vendor.archivedAt) throw new AppError("VALIDATION", "That vendor is archived.", { vendorId: "Restore the vendor first, or choose another." });
  return vendor;
}

export async function createProduct(ctx: TenantContext, input: ProductInput) {
  await requireVendor(ctx, input.vendorId);
  const data = toRow(input);
  return withAudit(
    ctx,
    async (tx) => {
      const product = await tx.product.create({ data: { ...data, organizationId: ctx.organizationId, ownerId: ctx.userId }, select: { id: true, name: true, vendorId: true } });
      await refreshScores(tx, ctx, { productIds: [product.id] });
      return product;
    },
    (product) => ({ action: "product.create", entityType: "Product", entityId: product.id, summary: { after: data } }),
  ).catch(duplicateName);
}

export async function productInTenant(ctx: TenantContext, id: string) {
  const product = await prisma.product.findFirst({ where: inTenant(ctx, { id }) });
  if (!product) throw notFound("product");
  return product;
}

export async function updateProduct(ctx: TenantContext, id: string, input: ProductInput) {
  const before = await productInTenant(ctx, id);
  if (input.vendorId !== before.vendorId) await requireVendor(ctx, input.vendorId);
  const data = toRow(input);
  return withAudit(
    ctx,
    async (tx) => {
      const product = await tx.product.update({ where: { id: before.id }, data, select: { id: true, name: true, vendorId: true } });
      await refreshScores(tx, ctx, { productIds: [product.id] });
      return product;
    },
    () => ({ action: "product.update", entityType: "Product", entityId: id, summary: changeSummary(before, data) }),
  ).catch(duplicateName);
}

export async function setProductArchived(ctx: TenantContext, id: string, archived: boolean) {
  const before = await productInTenant(ctx, id);
  if (!archived) {
    const vendor = await prisma.vendor.findFirst({ where: inTenant(ctx, { id: before.vendorId }), select: { archivedAt: true } });
    if (vendor?.archivedAt) throw new AppError("CONFLICT", "Restore the vendor before restoring its products.");
  }
  await withAudit(
    ctx,
    (tx) => tx.product.update({ where: { id: before.id }, data: { archivedAt: archived ? new Date() : null } }),
    () => ({ action: archived ? "product.archive" : "product.restore", entityType: "Product", entityId: id }),
  );
}

const fileSummary = { select: { id: true, originalName: true, sizeBytes: true, mimeType: true, createdAt: true } } as const;

/** What every evidence view of a product needs, loaded in one query with the product. */
export const productEvidenceInclude = {
  dpas: {
    orderBy: [{ isCurrent: "desc" }, { effectiveAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    include: { clauses: true, file: fileSummary },
  },
  certifications: {
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { expiresAt: { sort: "desc", nulls: "last" } }],
    include: { file: fileSummary },
  },
  subProcessors: { orderBy: { name: "asc" } },
  subProcessorChanges: { orderBy: { changedAt: "desc" }, take: 20 },
  factSources: { orderBy: { field: "asc" } },
} satisfies Prisma.ProductInclude;

export async function getProductOverview(ctx: TenantContext, id: string) {
  const product = await prisma.product.findFirst({
    where: inTenant(ctx, { id }),
    include: { ...productEvidenceInclude, vendor: { select: { id: true, name: true, archivedAt: true } } },
  });
  if (!product) throw notFound("product");
  const activity = await prisma.auditEvent.findMany({
    where: inTenant(ctx, {
      OR: [
        { entityType: "Product", entityId: id },
        { entityType: "Dpa", entityId: { in: product.dpas.map((d) => d.id) } },
        { entityType: "Certification", entityId: { in: product.certifications.map((c) => c.id) } },
      ],
    }),
    orderBy: { seq: "desc" },
    take: 30,
    select: { id: true, seq: true, action: true, entityType: true, entityId: true, actorLabel: true, createdAt: true, summary: true },
  });
  return { product, activity };
}

export type ProductWithEvidence = Awaited<ReturnType<typeof getProductOverview>>["product"];

