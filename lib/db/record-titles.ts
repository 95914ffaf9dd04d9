import "server-only";
import { prisma } from "./prisma-client";
import { inTenant, tenant, type TenantContext } from "./tenant";

/**
 * The names page titles show ("Claude API · Products · Vetta"): one small indexed read each,
 * scoped to the caller's organisation like every other read, so a title never names a record the
 * page itself would answer 404 for. Null when there is no such record here.
 */

export async function vendorName(ctx: TenantContext, id: string): Promise<string | null> {
  const row = await prisma.vendor.findFirst({ where: inTenant(ctx, { id }), select: { name: true } });
  return row?.name ?? null;
}

export async function productName(ctx: TenantContext, id: string): Promise<string | null> {
  const row = await prisma.product.findFirst({ where: inTenant(ctx, { id }), select: { name: true } });
  return row?.name ?? null;
}

export async function clientName(ctx: TenantContext, id: string): Promise<string | null> {
  const row = await prisma.client.findFirst({ where: inTenant(ctx, { id }), select: { name: true } });
  return row?.name ?? null;
}

export async function useCaseName(ctx: TenantContext, id: string): Promise<string | null> {
  const row = await prisma.useCase.findFirst({ where: inTenant(ctx, { id }), select: { product: { select: { name: true } }, client: { select: { name: true } } } });
  return row ? `${row.product.name} for ${row.client.name}` : null;
}

export async function assessmentProductName(ctx: TenantContext, id: string): Promise<string | null> {
  const row = await prisma.assessment.findFirst({ where: inTenant(ctx, { id }), select: { product: { select: { name: true } } } });
  return row?.product.name ?? null;
}

export async function memberName(ctx: TenantContext, userId: string): Promise<string | null> {
  const row = await prisma.membership.findFirst({ where: { userId, ...tenant(ctx) }, select: { user: { select: { name: true } } } });
  return row?.user.name ?? null;
}

export async function reportTitle(ctx: TenantContext, id: string): Promise<string | null> {
  const row = await prisma.report.findFirst({ where: inTenant(ctx, { id }), select: { title: true } });
  return row?.title ?? null;
}

export async function templateVersionName(ctx: TenantContext, id: string): Promise<string | null> {
  const row = await prisma.templateVersion.findFirst({ where: inTenant(ctx, { id }), select: { version: true, template: { select: { name: true } } } });
  return row ? `${row.template.name} v${row.version}` : null;
}
