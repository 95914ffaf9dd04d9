import "server-only";
import { prisma } from "./client";
import { inTenant, tenant, type TenantContext } from "./tenant";

export interface DashboardFigures {
  vendors: number;
  products: number;
  awaitingReview: number;
  renewalsDue30Days: number;
}

/** The dashboard's headline counts, one round trip each, all in the caller's organisation. */
export async function getDashboardFigures(ctx: TenantContext, now = new Date()): Promise<DashboardFigures> {
  const in30Days = new Date(now.getTime() + 30 * 86_400_000);
  const due = { lte: in30Days };
  const [vendors, products, awaitingReview, dpas, certifications, useCases] = await Promise.all([
    prisma.vendor.count({ where: inTenant(ctx, { archivedAt: null }) }),
    prisma.product.count({ where: inTenant(ctx, { archivedAt: null }) }),
    prisma.assessment.count({ where: { status: "SUBMITTED", ...tenant(ctx) } }),
    prisma.dpa.count({ where: inTenant(ctx, { isCurrent: true, expiresAt: due, product: { archivedAt: null } }) }),
    prisma.certification.count({ where: inTenant(ctx, { archivedAt: null, expiresAt: due, product: { archivedAt: null } }) }),
    prisma.useCase.count({ where: { status: { in: ["APPROVED", "APPROVED_WITH_CONDITIONS"] }, validUntil: due, ...tenant(ctx) } }),
  ]);
  return { vendors, products, awaitingReview, renewalsDue30Days: dpas + certifications + useCases };
}
