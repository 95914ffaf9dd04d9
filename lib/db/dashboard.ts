import "server-only";
import { prisma } from "./prisma-client";
import { renewalCounts } from "./renewals";
import { inTenant, tenant, todayFor, type TenantContext } from "./tenant";
import { toDateColumn } from "@/lib/domain/dates/calendar-date";

export interface DashboardFigures {
  vendors: number;
  products: number;
  awaitingReview: number;
  /** Renewal dates past due, and due within 7 and 30 days (see lib/db/renewals). */
  renewals: { overdue: number; due7: number; due30: number };
  useCasesAwaitingDecision: number;
  lapsedApprovals: number;
  /** Approvals suspended because the use case became CRITICAL without a covering exception. */
  suspendedApprovals: number;
  /** Active products whose cached tier is CRITICAL (the tier the products list filters on). */
  criticalProducts: number;
}

/** The dashboard's headline counts, one round trip each, all in the caller's organisation. */
export async function getDashboardFigures(ctx: TenantContext, now = new Date()): Promise<DashboardFigures> {
  // validUntil is a date column: today's date at midnight UTC compares with it day for day.
  const startOfToday = toDateColumn(todayFor(ctx, now));
  const [vendors, products, awaitingReview, renewals, useCasesAwaitingDecision, lapsedApprovals, suspendedApprovals, criticalProducts] = await Promise.all([
    prisma.vendor.count({ where: inTenant(ctx, { archivedAt: null }) }),
    prisma.product.count({ where: inTenant(ctx, { archivedAt: null }) }),
    prisma.assessment.count({ where: { status: "SUBMITTED", ...tenant(ctx) } }),
    renewalCounts(ctx, now),
    prisma.useCase.count({ where: { status: "PROPOSED", client: { archivedAt: null }, ...tenant(ctx) } }),
    // LAPSED: approved, not suspended (SUSPENDED is shown first), and its valid-until day has passed.
    prisma.useCase.count({ where: { status: { in: ["APPROVED", "APPROVED_WITH_CONDITIONS"] }, suspendedAt: null, validUntil: { lt: startOfToday }, ...tenant(ctx) } }),
    prisma.useCase.count({ where: { status: { in: ["APPROVED", "APPROVED_WITH_CONDITIONS"] }, suspendedAt: { not: null }, client: { archivedAt: null }, ...tenant(ctx) } }),
    prisma.product.count({ where: { archivedAt: null, currentTier: "CRITICAL", ...tenant(ctx) } }),
  ]);
  return { vendors, products, awaitingReview, renewals, useCasesAwaitingDecision, lapsedApprovals, suspendedApprovals, criticalProducts };
}
