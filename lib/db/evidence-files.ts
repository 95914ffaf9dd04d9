import "server-only";
import { notFound } from "@/lib/errors/app-error";
import { withAudit } from "./audit";
import { prisma } from "./prisma-client";
import { inTenant, type TenantContext } from "./tenant";

export interface StoredEvidenceMetadata {
  storageKey: string;
  originalName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  wrappedKey: string;
  iv: string;
  authTag: string;
}

export async function recordEvidenceFile(ctx: TenantContext, meta: StoredEvidenceMetadata) {
  return withAudit(
    ctx,
    (tx) =>
      tx.evidenceFile.create({
        data: {
          storageKey: meta.storageKey,
          originalName: meta.originalName,
          mimeType: meta.mimeType,
          sizeBytes: meta.sizeBytes,
          sha256: meta.sha256,
          wrappedKey: meta.wrappedKey,
          iv: meta.iv,
          authTag: meta.authTag,
          organizationId: ctx.organizationId,
          uploadedById: ctx.userId,
        },
        select: { id: true, originalName: true, mimeType: true, sizeBytes: true, sha256: true },
      }),
    (file) => ({
      action: "file.upload",
      entityType: "EvidenceFile",
      entityId: file.id,
      summary: { after: { name: meta.originalName, mimeType: meta.mimeType, sizeBytes: meta.sizeBytes, sha256: meta.sha256 } },
    }),
  );
}

/** The stored record of a file in the caller's organisation (NOT_FOUND for anyone else's). */
export async function findEvidenceFile(ctx: TenantContext, id: string) {
  const file = await prisma.evidenceFile.findFirst({ where: inTenant(ctx, { id }) });
  if (!file) throw notFound("file");
  return file;
}

export async function recordEvidenceDownload(ctx: TenantContext, id: string, outcome: "served" | "refused-integrity") {
  await withAudit(
    ctx,
    async () => undefined,
    () => ({ action: outcome === "served" ? "file.download" : "file.download.refused", entityType: "EvidenceFile", entityId: id }),
  );
}
