import "server-only";
import { prisma } from "./client";
import { inTenant, tenant, type TenantContext } from "./tenant";

export interface DashboardFigures {
  vendors: number;
  products: number;
  awaitingReview: number;
  renewalsDue30Days: number;
  useCasesAwaitingDecision: number;
  lapsedApprovals: number;
}

/** The dashboard's headline counts, one round trip each, all in the caller's organisation. */
export async function getDashboardFigures(ctx: TenantContext, now = new Date()): Promise<DashboardFigures> {
  const in30Days = new Date(now.getTime() + 30 * 86_400_000);
  const due = { lte: in30Days };
  const startOfToday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const [vendors, products, awaitingReview, dpas, certifications, useCases, useCasesAwaitingDecision, lapsedApprovals] = await Promise.all([
    prisma.vendor.count({ where: inTenant(ctx, { archivedAt: null }) }),
    prisma.product.count({ where: inTenant(ctx, { archivedAt: null }) }),
    prisma.assessment.count({ where: { status: "SUBMITTED", ...tenant(ctx) } }),
    prisma.dpa.count({ where: inTenant(ctx, { isCurrent: true, expiresAt: due, product: { archivedAt: null } }) }),
    prisma.certification.count({ where: inTenant(ctx, { archivedAt: null, expiresAt: due, product: { archivedAt: null } }) }),
    prisma.useCase.count({ where: { status: { in: ["APPROVED", "APPROVED_WITH_CONDITIONS"] }, validUntil: due, ...tenant(ctx) } }),
    prisma.useCase.count({ where: { status: "PROPOSED", client: { archivedAt: null }, ...tenant(ctx) } }),
    // LAPSED: approved, and its valid-until day has passed.
    prisma.useCase.count({ where: { status: { in: ["APPROVED", "APPROVED_WITH_CONDITIONS"] }, validUntil: { lt: startOfToday }, ...tenant(ctx) } }),
  ]);
  return { vendors, products, awaitingReview, renewalsDue30Days: dpas + certifications + useCases, useCasesAwaitingDecision, lapsedApprovals };
}
