import "server-only";
import { toDateColumn } from "@/lib/domain/dates/calendar-date";
import { PRODUCT_CHART_STATUSES, tierStatusMatrix, USE_CASE_CHART_STATUSES, type TierStatusMatrix, type TierStatusRow } from "@/lib/domain/home/tier-status-matrix";
import { prisma } from "./prisma-client";
import { todayFor, type TenantContext } from "./tenant";

/**
 * The home page's "by tier and status" chart: one GROUP BY each for products and use cases in the
 * caller's organisation, whatever their number. Tiers are the cached live ones (the lists filter
 * on the same columns).
 */
export async function tierStatusCharts(ctx: TenantContext, now = new Date()): Promise<{ products: TierStatusMatrix; useCases: TierStatusMatrix }> {
  const today = toDateColumn(todayFor(ctx, now));
  const [products, useCases] = await Promise.all([
    // A product's status is its latest assessment's (a DRAFT sent back reads as changes requested) (the index on organizationId, productId, createdAt serves the lateral lookup).
    prisma.$queryRaw<TierStatusRow[]>`
      SELECT coalesce(p."currentTier"::text, 'UNSCORED') AS tier, CASE WHEN a.status = 'DRAFT' AND a."sentBack" THEN 'CHANGES_REQUESTED' ELSE coalesce(a.status::text, 'NOT_ASSESSED') END AS status, count(*)::int AS n
      FROM "Product" p
      LEFT JOIN LATERAL (
        SELECT x.status,
          EXISTS (SELECT 1 FROM "Decision" d WHERE d."organizationId" = x."organizationId" AND d."assessmentId" = x.id AND d.outcome = 'CHANGES_REQUESTED') AS "sentBack"
        FROM "Assessment" x
        WHERE x."organizationId" = p."organizationId" AND x."productId" = p.id
        ORDER BY x."createdAt" DESC, x.id DESC LIMIT 1
      ) a ON true
      WHERE p."organizationId" = ${ctx.organizationId} AND p."archivedAt" IS NULL
      GROUP BY 1, 2`,
    // SUSPENDED before LAPSED, as the approval matrix shows them.
    prisma.$queryRaw<TierStatusRow[]>`
      SELECT coalesce(u."currentTier"::text, 'UNSCORED') AS tier,
        CASE
          WHEN u.status IN ('APPROVED', 'APPROVED_WITH_CONDITIONS') AND u."suspendedAt" IS NOT NULL THEN 'SUSPENDED'
          WHEN u.status IN ('APPROVED', 'APPROVED_WITH_CONDITIONS') AND u."validUntil" < ${today} THEN 'LAPSED'
          ELSE u.status::text
        END AS status,
        count(*)::int AS n
      FROM "UseCase" u JOIN "Client" c ON c.id = u."clientId" AND c."organizationId" = u."organizationId"
      WHERE u."organizationId" = ${ctx.organizationId} AND c."archivedAt" IS NULL
      GROUP BY 1, 2`,
  ]);
  return { products: tierStatusMatrix(products, PRODUCT_CHART_STATUSES), useCases: tierStatusMatrix(useCases, USE_CASE_CHART_STATUSES) };
}
