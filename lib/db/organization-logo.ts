import "server-only";
import { createHash } from "node:crypto";
import { withAudit } from "./audit";
import { prisma } from "./prisma-client";
import type { TenantContext } from "./tenant";

/** The organisation's logo for its reports, or null. */
export async function getOrganizationLogo(ctx: Pick<TenantContext, "organizationId">) {
  const logo = await prisma.organizationLogo.findUnique({ where: { organizationId: ctx.organizationId }, select: { mimeType: true, bytes: true, sha256: true, updatedAt: true } });
  return logo ? { ...logo, mimeType: logo.mimeType as "image/png" | "image/jpeg" } : null;
}

/** Sets (or replaces) the logo: one row per organisation, so concurrent uploads leave one logo. Checked by the caller (lib/files/logo-file.ts). */
export async function setOrganizationLogo(ctx: TenantContext, logo: { mimeType: "image/png" | "image/jpeg"; bytes: Uint8Array }) {
  const sha256 = createHash("sha256").update(logo.bytes).digest("hex");
  const data = { mimeType: logo.mimeType, bytes: Buffer.from(logo.bytes), sha256, updatedById: ctx.userId, updatedAt: new Date() };
  await withAudit(
    ctx,
    (tx) => tx.organizationLogo.upsert({ where: { organizationId: ctx.organizationId }, create: { organizationId: ctx.organizationId, ...data }, update: data, select: { organizationId: true } }),
    () => ({ action: "organization.logo.update", entityType: "Organization", entityId: ctx.organizationId, summary: { after: { mimeType: logo.mimeType, bytes: logo.bytes.byteLength, sha256 } } }),
  );
  return { sha256 };
}

export async function removeOrganizationLogo(ctx: TenantContext) {
  await withAudit(
    ctx,
    (tx) => tx.organizationLogo.deleteMany({ where: { organizationId: ctx.organizationId } }),
    () => ({ action: "organization.logo.remove", entityType: "Organization", entityId: ctx.organizationId }),
  );
}
