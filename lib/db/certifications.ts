import "server-only";
import { changeSummary } from "@/lib/domain/change-summary";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { CertificationInput } from "@/lib/validation/evidence";
import { withAudit } from "./audit";
import { refreshScores } from "./score-refresh";
import { prisma } from "./prisma-client";
import { productInTenant } from "./products";
import { inTenant, type TenantContext } from "./tenant";

async function requireFile(ctx: TenantContext, fileId: string | null) {
  if (!fileId) return null;
  const file = await prisma.evidenceFile.findFirst({ where: inTenant(ctx, { id: fileId }), select: { id: true } });
  if (!file) throw new AppError("VALIDATION", "That file does not exist.", { fileId: "Upload the report again." });
  return file.id;
}

export async function createCertification(ctx: TenantContext, input: CertificationInput) {
  await productInTenant(ctx, input.productId);
  const fileId = await requireFile(ctx, input.fileId);
  return withAudit(
    ctx,
    async (tx) => {
      const cert = await tx.certification.create({ data: { ...input, fileId, organizationId: ctx.organizationId }, select: { id: true, productId: true } });
      await refreshScores(tx, ctx, { productIds: [input.productId] });
      return cert;
    },
    (cert) => ({ action: "certification.create", entityType: "Certification", entityId: cert.id, summary: { after: input } }),
  );
}

export async function updateCertification(ctx: TenantContext, id: string, input: CertificationInput) {
  const before = await prisma.certification.findFirst({ where: inTenant(ctx, { id }) });
  if (!before || before.productId !== input.productId) throw notFound("certification");
  const fileId = await requireFile(ctx, input.fileId);
  const data = { ...input, fileId };
  return withAudit(
    ctx,
    async (tx) => {
      const cert = await tx.certification.update({ where: { id }, data, select: { id: true, productId: true } });
      await refreshScores(tx, ctx, { productIds: [input.productId] });
      return cert;
    },
    () => ({ action: "certification.update", entityType: "Certification", entityId: id, summary: changeSummary(before, data) }),
  );
}

export async function setCertificationArchived(ctx: TenantContext, id: string, archived: boolean) {
  const before = await prisma.certification.findFirst({ where: inTenant(ctx, { id }), select: { id: true, productId: true } });
  if (!before) throw notFound("certification");
  await withAudit(
    ctx,
    async (tx) => {
      await tx.certification.update({ where: { id }, data: { archivedAt: archived ? new Date() : null } });
      await refreshScores(tx, ctx, { productIds: [before.productId] });
    },
    () => ({ action: archived ? "certification.archive" : "certification.restore", entityType: "Certification", entityId: id }),
  );
}

export async function getCertification(ctx: TenantContext, id: string) {
  const cert = await prisma.certification.findFirst({
    where: inTenant(ctx, { id }),
    include: { file: { select: { id: true, originalName: true, sizeBytes: true } }, product: { select: { id: true, name: true } } },
  });
  if (!cert) throw notFound("certification");
  return cert;
}
