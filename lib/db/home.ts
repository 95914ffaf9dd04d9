import "server-only";
import { addDays } from "@/lib/domain/dates/calendar-date";
import { homeRenewalFigures, renewalTimeline } from "@/lib/domain/home/renewal-figures";
import { assessmentStatusWhere, mineWhere } from "./assessment-list";
import { prisma } from "./prisma-client";
import { collectRenewalItems } from "./renewals";
import { tenant, todayFor, type TenantContext } from "./tenant";

/**
 * The role home pages' figures. Counts of rows are one COUNT (or GROUP BY) each in the caller's
 * organisation; the date-based figures come from the renewal items of the next 90 days, which
 * lib/db/renewals derives (review dates by tier are computed, not stored), so a tile's number
 * and the renewals list it opens cannot disagree.
 */

export interface AccountManagerHome {
  /** Assessments I started that are still drafts. */
  drafts: number;
  /** Assessments I started or submitted that the compliance officer sent back. */
  changesRequested: number;
}

export interface ReviewQueueEntry {
  id: string;
  productName: string;
  vendorName: string;
  submittedAt: Date | null;
}

export interface ComplianceHome {
  queued: number;
  /** The oldest submissions first, with their age shown on the home page. */
  oldest: ReviewQueueEntry[];
  /** Approvals suspended because the use case became CRITICAL without a covering exception. */
  suspended: number;
}

export interface AdminHome {
  /** Active MSP staff (not client viewers) without two-step verification. */
  usersWithoutMfa: number;
  /** Outbox mail that failed to send and has not gone out since. */
  failedMail: number;
  audit: { events: number; sealed: number; pending: number; oldestPendingAt: Date | null; lastSealAt: Date | null };
}


export async function accountManagerHome(ctx: TenantContext): Promise<AccountManagerHome> {
  const [drafts, changesRequested] = await Promise.all([
    prisma.assessment.count({ where: { product: { archivedAt: null }, AND: [assessmentStatusWhere("DRAFT"), mineWhere(ctx)], ...tenant(ctx) } }),
    prisma.assessment.count({ where: { product: { archivedAt: null }, AND: [assessmentStatusWhere("CHANGES_REQUESTED"), mineWhere(ctx)], ...tenant(ctx) } }),
  ]);
  return { drafts, changesRequested };
}

export async function complianceHome(ctx: TenantContext): Promise<ComplianceHome> {
  const queue = { status: "SUBMITTED" as const, ...tenant(ctx) };
  const [queued, oldest, suspended] = await Promise.all([
    prisma.assessment.count({ where: queue }),
    prisma.assessment.findMany({
      where: queue,
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      take: 5,
      select: { id: true, submittedAt: true, product: { select: { name: true, vendor: { select: { name: true } } } } },
    }),
    prisma.useCase.count({ where: { status: { in: ["APPROVED", "APPROVED_WITH_CONDITIONS"] }, suspendedAt: { not: null }, client: { archivedAt: null }, ...tenant(ctx) } }),
  ]);
  return { queued, oldest: oldest.map((a) => ({ id: a.id, submittedAt: a.submittedAt, productName: a.product.name, vendorName: a.product.vendor.name })), suspended };
}

export async function adminHome(ctx: TenantContext): Promise<AdminHome> {
  const [usersWithoutMfa, failedMail, events, pendingRows, head] = await Promise.all([
    prisma.membership.count({ where: { role: { not: "CLIENT_VIEWER" }, user: { deactivatedAt: null, mfaEnabledAt: null }, ...tenant(ctx) } }),
    prisma.outboxEmail.count({ where: { sentAt: null, error: { not: null }, ...tenant(ctx) } }),
    prisma.auditEvent.count({ where: tenant(ctx) }),
    prisma.$queryRaw<Array<{ pending: number; oldest: Date | null }>>`
      SELECT count(*)::int AS pending, min(e."createdAt") AS oldest
      FROM "AuditEvent" e
      WHERE e."organizationId" = ${ctx.organizationId}
        AND NOT EXISTS (SELECT 1 FROM "AuditSeal" s WHERE s."eventId" = e."id")`,
    prisma.auditSeal.findFirst({ where: tenant(ctx), orderBy: { seq: "desc" }, select: { seq: true, sealedAt: true } }),
  ]);
  const pending = pendingRows[0];
  return { usersWithoutMfa, failedMail, audit: { events, sealed: head?.seq ?? 0, pending: pending?.pending ?? 0, oldestPendingAt: pending?.oldest ?? null, lastSealAt: head?.sealedAt ?? null } };
}

/** The renewal-date figures and the 90-day timeline, from one pass over the renewal items. */
export async function homeRenewals(ctx: TenantContext, now = new Date()) {
  const today = todayFor(ctx, now);
  const items = await collectRenewalItems(ctx, { until: addDays(today, 90) });
  return { today, figures: homeRenewalFigures(items, today), timeline: renewalTimeline(items, today) };
}
