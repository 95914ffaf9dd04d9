import "server-only";
import { approvalState } from "@/lib/domain/approvals/approval-state";
import { APPROVED_STATUSES } from "@/lib/domain/approvals/approval-validity";
import { calendarDateOf, calendarDateOfColumn, toDateColumn, type CalendarDate } from "@/lib/domain/dates/calendar-date";
import { scoreProduct } from "@/lib/domain/scoring/score-product";
import { enumLabel } from "@/lib/domain/vocabulary";
import { recordAudit } from "./audit";
import { prisma, Prisma, type Tx } from "./prisma-client";
import { loadScoringInputs, weightsOf, type ProductEvidence } from "./scoring";
import { tenant, type TenantContext } from "./tenant";

/**
 * THE OWNER of every cached score (issue 14): Product.currentScore/currentTier, and each use case's
 * currentScore/currentTier, valid-until, next review and suspension. Every write that can change a
 * score calls `refreshScores` inside its own transaction, so the lists, the matrix, the dashboard
 * and the pages agree the moment it commits; the hourly job (`rescoreOrganizationsWhoseDayTurned`)
 * moves what the passing of a day changes. Pages only read.
 */
export type RefreshScope = { productIds: string[] } | { clientIds: string[] } | { useCaseIds: string[] } | "ORGANIZATION";

interface ReliedOn {
  dpa?: { id: string; expiresAt?: CalendarDate | null } | null;
  certifications?: Array<{ id: string }>;
  ownExpiry?: CalendarDate | null;
}

export async function refreshScores(tx: Tx, ctx: TenantContext, scope: RefreshScope, now = new Date()) {
  const org = await tx.organization.findUniqueOrThrow({ where: { id: ctx.organizationId }, select: { timeZone: true } });
  // The organisation's calendar as stored (a time-zone change in this transaction counts at once).
  const today = calendarDateOf(now, org.timeZone);
  const useCaseWhere: Prisma.UseCaseWhereInput =
    scope === "ORGANIZATION"
      ? {}
      : "productIds" in scope
        ? { productId: { in: scope.productIds } }
        : "clientIds" in scope
          ? { clientId: { in: scope.clientIds } }
          : { id: { in: scope.useCaseIds } };
  const useCases = await tx.useCase.findMany({
    where: { ...useCaseWhere, ...tenant(ctx) },
    select: {
      id: true,
      productId: true,
      dataClasses: true,
      status: true,
      currentScore: true,
      currentTier: true,
      validUntil: true,
      validUntilWhy: true,
      nextReviewAt: true,
      suspendedAt: true,
      suspendedWhy: true,
      client: { select: { residency: true } },
    },
  });
  const productIds =
    scope === "ORGANIZATION"
      ? (await tx.product.findMany({ where: tenant(ctx), select: { id: true } })).map((p) => p.id)
      : "productIds" in scope
        ? scope.productIds
        : [];
  const scoredProductIds = [...new Set([...productIds, ...useCases.map((u) => u.productId)])];
  const [model, { inputs, evidence }] = [
    await tx.scoringModel.findFirst({ where: tenant(ctx), orderBy: { version: "desc" } }),
    // Organisation-wide: every product's inputs in set-based queries, without sending 30,000 ids.
    await loadScoringInputs(tx, ctx, scope === "ORGANIZATION" ? "ORGANIZATION" : scoredProductIds, today),
  ];
  const weights = weightsOf(model);
  const version = model?.version ?? 1;

  // Products whose own score is in scope (a client or use-case change leaves the product's score alone).
  const productRows = productIds.flatMap((id) => {
    const input = inputs.get(id);
    if (!input) return [];
    const result = scoreProduct(input, weights, version);
    return [{ id, score: result.score, tier: result.tier }];
  });
  if (productRows.length) {
    // Derived caches, not changes anyone made: no audit event, and updatedAt stays the last edit.
    await tx.$executeRaw`
      UPDATE "Product" p SET "currentScore" = v.score, "currentTier" = v.tier::"RiskTier"
      FROM jsonb_to_recordset(${JSON.stringify(productRows)}::jsonb) AS v(id text, score int, tier text)
      WHERE p."id" = v.id AND p."organizationId" = ${ctx.organizationId}
        AND (p."currentScore" IS DISTINCT FROM v.score OR p."currentTier"::text IS DISTINCT FROM v.tier)`;
  }

  const approvedIds = useCases.filter((u) => (APPROVED_STATUSES as readonly string[]).includes(u.status)).map((u) => u.id);
  const [decisions, exceptions] = approvedIds.length
    ? [
        await tx.decision.findMany({
          where: { useCaseId: { in: approvedIds }, ...tenant(ctx) },
          orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
          distinct: ["useCaseId"],
          select: { useCaseId: true, decidedAt: true, reliedOn: true, outcome: true },
        }),
        await tx.riskException.findMany({ where: { useCaseId: { in: approvedIds }, ...tenant(ctx) }, select: { id: true, useCaseId: true, expiresAt: true, revokedAt: true, acceptedFlags: true } }),
      ]
    : [[], []];

  // By use case once, so each use case is a lookup rather than a scan of every decision and exception.
  const decisionOf = new Map<string | null, (typeof decisions)[number]>();
  for (const d of decisions) if (!decisionOf.has(d.useCaseId)) decisionOf.set(d.useCaseId, d);
  const exceptionsOf = new Map<string | null, typeof exceptions>();
  for (const e of exceptions) {
    const list = exceptionsOf.get(e.useCaseId);
    if (list) list.push(e);
    else exceptionsOf.set(e.useCaseId, [e]);
  }

  const useCaseRows: Array<{ id: string; score: number; tier: string; validUntil: string | null; why: string | null; nextReviewAt: string | null; suspended: boolean; suspendedWhy: string | null }> = [];
  const suspensions: Array<{ id: string; why: string | null; suspended: boolean }> = [];
  for (const u of useCases) {
    const base = inputs.get(u.productId);
    if (!base) continue;
    const result = scoreProduct({ ...base, useCase: { residency: u.client.residency, dataClasses: u.dataClasses } }, weights, version);
    let validUntil = calendarDateOfColumn(u.validUntil);
    let why = u.validUntilWhy;
    let nextReviewAt = calendarDateOfColumn(u.nextReviewAt);
    let suspendedWhy: string | null = null;
    const decision = decisionOf.get(u.id);
    if (decision && (APPROVED_STATUSES as readonly string[]).includes(decision.outcome)) {
      const state = approvalState({
        decidedOn: calendarDateOf(decision.decidedAt, org.timeZone),
        tier: result.tier,
        criticalFlags: result.flags.filter((f) => f.severity === "critical").map((f) => f.id),
        ...reliedEvidence(decision.reliedOn as ReliedOn | null, evidence.get(u.productId)),
        exceptions: (exceptionsOf.get(u.id) ?? []).map((e) => ({ ...e, expiresAt: calendarDateOfColumn(e.expiresAt) })),
      });
      ({ validUntil, why, nextReviewAt, suspendedWhy } = state);
    }
    const wasSuspended = u.suspendedAt !== null;
    const suspended = suspendedWhy !== null;
    if (wasSuspended !== suspended || (suspended && suspendedWhy !== u.suspendedWhy)) suspensions.push({ id: u.id, why: suspendedWhy, suspended });
    const changed =
      result.score !== u.currentScore ||
      result.tier !== u.currentTier ||
      validUntil !== calendarDateOfColumn(u.validUntil) ||
      why !== u.validUntilWhy ||
      nextReviewAt !== calendarDateOfColumn(u.nextReviewAt) ||
      suspended !== wasSuspended ||
      suspendedWhy !== u.suspendedWhy;
    if (changed) useCaseRows.push({ id: u.id, score: result.score, tier: result.tier, validUntil, why, nextReviewAt, suspended, suspendedWhy });
  }
  if (useCaseRows.length) {
    await tx.$executeRaw`
      UPDATE "UseCase" u SET
        "currentScore" = v.score,
        "currentTier" = v.tier::"RiskTier",
        "validUntil" = v."validUntil",
        "validUntilWhy" = v.why,
        "nextReviewAt" = v."nextReviewAt",
        "suspendedAt" = CASE WHEN NOT v.suspended THEN NULL ELSE COALESCE(u."suspendedAt", CAST(${now.toISOString()} AS timestamp(3))) END,
        "suspendedWhy" = v."suspendedWhy"
      FROM jsonb_to_recordset(${JSON.stringify(useCaseRows)}::jsonb)
        AS v(id text, score int, tier text, "validUntil" date, why text, "nextReviewAt" date, suspended boolean, "suspendedWhy" text)
      WHERE u."id" = v.id AND u."organizationId" = ${ctx.organizationId}`;
  }
  // A suspension (and its end) is a change in an approval's standing: it goes in the audit trail.
  for (const s of suspensions) {
    await recordAudit(tx, ctx, { action: s.suspended ? "usecase.suspend" : "usecase.suspension.end", entityType: "UseCase", entityId: s.id, summary: { after: { suspended: s.suspended, why: s.why } } });
  }
  return { products: productRows.length, useCases: useCases.length, changedUseCases: useCaseRows.length, suspended: suspensions.filter((s) => s.suspended).map((s) => s.id) };
}

/**
 * The evidence an approval stands on, with dates as they are now: the product's current DPA (a new
 * current DPA stands in for the one relied on; with none, the relied-on one's date holds) and each
 * certification the decision relied on at its current expiry (an edited date moves the approval;
 * when archived, the newest active certification of its type stands in for it).
 */
function reliedEvidence(reliedOn: ReliedOn | null, now: ProductEvidence | undefined) {
  const relied = reliedOn?.dpa ?? null;
  const dpa = relied ? (now?.dpa ?? { id: relied.id, title: "relied on", expiresAt: relied.expiresAt ?? null }) : null;
  const certifications = (reliedOn?.certifications ?? []).flatMap((r) => {
    const current = now?.certifications.find((c) => c.id === r.id);
    if (!current) return [];
    const standIn = current.archived
      ? (now?.certifications.filter((c) => !c.archived && c.type === current.type).sort((a, b) => (b.expiresAt ?? "9999").localeCompare(a.expiresAt ?? "9999"))[0] ?? current)
      : current;
    return [{ id: standIn.id, label: `the ${enumLabel(standIn.type)} certification`, expiresAt: standIn.expiresAt }];
  });
  return {
    ownExpiry: reliedOn?.ownExpiry ?? null,
    dpa: dpa ? { id: dpa.id, label: `the DPA "${dpa.title}"`, expiresAt: dpa.expiresAt } : null,
    certifications,
  };
}

/**
 * Organisation-wide rescoring for a change that moves every score (weights, time zone). Up to
 * this many products it runs inside the change's transaction; above, the rescoring of tens of
 * thousands of products would outlast the transaction's time limit, so the change marks the
 * organisation's scores stale (the hourly job's marker) and the caller rescores right after the
 * commit with `refreshScoresNow` (the next hourly run repairs it if that fails).
 */
export const ORGANIZATION_REFRESH_IN_TRANSACTION_LIMIT = 1000;

export async function refreshOrganizationOrMarkStale(tx: Tx, ctx: TenantContext): Promise<"REFRESHED" | "STALE"> {
  const products = await tx.product.count({ where: tenant(ctx) });
  if (products <= ORGANIZATION_REFRESH_IN_TRANSACTION_LIMIT) {
    await refreshScores(tx, ctx, "ORGANIZATION");
    return "REFRESHED";
  }
  await tx.organization.update({ where: { id: ctx.organizationId }, data: { scoresAsOf: null } });
  return "STALE";
}

/** Refreshes in a transaction of its own (jobs and the seed; a write refreshes inside its own transaction). */
export async function refreshScoresNow(ctx: TenantContext, scope: RefreshScope, now = new Date()) {
  return prisma.$transaction((tx) => refreshScores(tx, ctx, scope, now), { timeout: 120_000, maxWait: 10_000 });
}

/**
 * The daily rescoring: every organisation whose calendar day has turned since its scores were last
 * brought up to date is rescored (expiry dates, review cadences, lapses and suspensions), once, even
 * with several workers: the day marker moves conditionally in the same transaction.
 */
export async function rescoreOrganizationsWhoseDayTurned(now = new Date(), onlyOrganizationIds?: string[]) {
  const organizations = await prisma.organization.findMany({ where: onlyOrganizationIds ? { id: { in: onlyOrganizationIds } } : {}, select: { id: true, timeZone: true, scoresAsOf: true } });
  let rescored = 0;
  for (const o of organizations) {
    const today = calendarDateOf(now, o.timeZone);
    if (o.scoresAsOf && calendarDateOfColumn(o.scoresAsOf)! >= today) continue;
    const system: TenantContext = { organizationId: o.id, userId: "", role: "ADMIN", clientId: null, actorLabel: "system: daily rescoring", ip: null, timeZone: o.timeZone };
    const done = await prisma.$transaction(
      async (tx) => {
        const claimed = await tx.organization.updateMany({ where: { id: o.id, OR: [{ scoresAsOf: null }, { scoresAsOf: { lt: toDateColumn(today) } }] }, data: { scoresAsOf: toDateColumn(today) } });
        if (claimed.count !== 1) return false;
        await refreshScores(tx, system, "ORGANIZATION", now);
        return true;
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
    if (done) rescored++;
  }
  return rescored;
}
